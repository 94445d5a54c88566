// Catalogue data: the `builtin` module (callable without import) and the methods of built-in values
// (string, array, object, pair). Data table; behaviour lives in the sandbox runtime, not here.
import { cls, defineModule, fn, method, property } from './define.js';

export const BUILTIN_MODULE = defineModule('builtin', 'Functions available everywhere without import.', [
  fn('int', 'value', 'int', '—', 'Convert to an integer (booleans → 1/0, floats truncate, strings parse as a float then truncate).'),
  fn('float', 'value', 'float', '—', 'Convert to a floating-point number.'),
  fn('str', 'value', 'string', '—', 'Convert to text as print() shows it.'),
  fn('bool', 'value', 'boolean', '—', 'Truthiness of a value.'),
  fn('typeof', 'value', 'string', '—', 'Type name: number, string, boolean, array, object, function, a class name, or unknown.'),
  fn('isinstance', 'value, type_name', 'boolean', '—', 'True when typeof(value) equals type_name.'),
  fn('len', 'collection', 'int', '—', 'Length of a string, array or object; 0 for anything else.'),
  fn('range', '*args', 'array', '—', 'Array of integers: range(stop), range(start, stop) or range(start, stop, step).'),
  fn('enumerate', 'array, start=0', 'array', '—', 'Array of (index, element) pairs.'),
  fn('print', '*values', 'null', '—', 'Write the values separated by spaces and a newline to standard output.'),
  fn('input', "prompt=''", 'string', 'console:read', 'Read one line from the run\'s standard input.'),
  fn('help', 'target', 'string', '—', 'Description of a function or module and the capabilities it requires.'),
  fn('methods', 'value', 'array', '—', 'Names of the methods available on a value.'),
  fn('modules', '', 'array', '—', 'Names of the standard-library modules.'),
  fn('available_modules', 'module_type=None', 'array', '—', 'Names of the modules that can be imported.'),
  fn('has_module', 'module_name', 'boolean', '—', 'Whether a module with this name can be imported.'),
  fn('module_info', 'module_name', 'object', '—', 'Description and function names of a module.'),
  fn('hasCapability', 'name', 'boolean', '—', 'Whether the run has been granted a capability.'),
  fn('getCapabilities', '', 'array', '—', 'The capability strings granted to the run.'),
  fn('getCapabilityInfo', 'name', 'object', '—', 'Details of a granted capability (resource, operation, target), or null.'),
  fn('requiredCapabilities', 'func', 'array', '—', 'The capabilities a stdlib function requires.'),
  fn('hasattr', 'obj, name', 'boolean', '—', 'Whether an attribute exists (never for names starting with `_`).'),
  fn('getattr', 'obj, name, default=None', 'any', '—', 'An attribute, or default when it does not exist.'),
  fn('call', 'func, *args, **kwargs', 'any', '—', 'Call a function with the same checks as a direct call.'),
  fn('abs', 'value', 'number', '—', 'Absolute value.'),
  fn('min', '*values', 'any', '—', 'Smallest argument, or smallest element of a single array argument (null when empty).'),
  fn('max', '*values', 'any', '—', 'Largest argument, or largest element of a single array argument (null when empty).'),
  fn('round', 'value, precision=0', 'number', '—', 'Round half to even, keeping an int an int and a float a float.'),
  fn('zip', '*arrays', 'array', '—', 'Array of pairs (tuples) taking one element from each array.'),
  fn('sorted', 'array, reverse=False', 'array', '—', 'A sorted copy of an array.'),
  fn('keys', 'obj', 'array', '—', 'Keys of an object in insertion order.'),
  fn('values', 'obj', 'array', '—', 'Values of an object in insertion order.'),
  fn('callable', 'obj', 'boolean', '—', 'Whether a value can be called.'),
  fn('all', 'iterable', 'boolean', '—', 'True when every element is truthy.'),
  fn('any', 'iterable', 'boolean', '—', 'True when some element is truthy.'),
  fn('sum', 'iterable, start=0', 'number', '—', 'Sum of the elements plus start.'),
  fn('chr', 'i', 'string', '—', 'The character with this Unicode code point.'),
  fn('ord', 'c', 'int', '—', 'The Unicode code point of a one-character string.'),
  fn('hex', 'n', 'string', '—', 'Hexadecimal text of an integer (0x prefix).'),
  fn('bin', 'n', 'string', '—', 'Binary text of an integer (0b prefix).'),
  fn('oct', 'n', 'string', '—', 'Octal text of an integer (0o prefix).'),
  fn('repr', 'obj', 'string', '—', 'Source-like text of a value (strings quoted).'),
  fn('format', "value, format_spec=''", 'string', '—', 'Format a value with the Python format-spec mini-language.'),
  fn('reversed', 'seq', 'array', '—', 'The elements of a sequence in reverse order, as an array.'),
  fn('iter', 'iterable', 'any', '—', 'An iterator over a sequence.'),
  fn('next', 'iterator, *args', 'any', '—', 'The next element of an iterator, or the default when exhausted.'),
]);

const S = 'string';
export const STRING_TYPE = cls('builtin', 'string', 'Built-in text value.', [
  method('upper', '', S, '—', 'Copy in upper case.'),
  method('lower', '', S, '—', 'Copy in lower case.'),
  method('strip', 'chars=None', S, '—', 'Copy without leading and trailing whitespace (or chars).'),
  method('lstrip', 'chars=None', S, '—', 'Copy without leading whitespace (or chars).'),
  method('rstrip', 'chars=None', S, '—', 'Copy without trailing whitespace (or chars).'),
  method('replace', 'old, new, count=-1', S, '—', 'Copy with occurrences of old replaced by new.'),
  method('split', 'sep=None, maxsplit=-1', 'array', '—', 'Split at sep (or runs of whitespace).'),
  method('rsplit', 'sep=None, maxsplit=-1', 'array', '—', 'Split at sep from the right.'),
  method('join', 'iterable', S, '—', 'Concatenate the strings of an array with this string between them.'),
  method('startswith', 'prefix, start=None, end=None', 'boolean', '—', 'Whether the string starts with prefix.'),
  method('endswith', 'suffix, start=None, end=None', 'boolean', '—', 'Whether the string ends with suffix.'),
  method('find', 'sub, start=None, end=None', 'int', '—', 'Lowest index of sub, or -1.'),
  method('rfind', 'sub, start=None, end=None', 'int', '—', 'Highest index of sub, or -1.'),
  method('index', 'sub, start=None, end=None', 'int', '—', 'Lowest index of sub; ValueError when absent.'),
  method('rindex', 'sub, start=None, end=None', 'int', '—', 'Highest index of sub; ValueError when absent.'),
  method('count', 'sub, start=None, end=None', 'int', '—', 'Number of non-overlapping occurrences of sub.'),
  method('isdigit', '', 'boolean', '—', 'Whether all characters are digits (and there is at least one).'),
  method('isalpha', '', 'boolean', '—', 'Whether all characters are letters (and there is at least one).'),
  method('isalnum', '', 'boolean', '—', 'Whether all characters are letters or digits (and there is at least one).'),
  method('isspace', '', 'boolean', '—', 'Whether all characters are whitespace (and there is at least one).'),
  method('istitle', '', 'boolean', '—', 'Whether the string is title-cased.'),
  method('isupper', '', 'boolean', '—', 'Whether all cased characters are upper case.'),
  method('islower', '', 'boolean', '—', 'Whether all cased characters are lower case.'),
  method('capitalize', '', S, '—', 'Copy with the first character upper case and the rest lower case.'),
  method('title', '', S, '—', 'Copy with each word capitalised.'),
  method('swapcase', '', S, '—', 'Copy with upper and lower case swapped.'),
  method('center', "width, fillchar=' '", S, '—', 'Copy centred in a field of the given width.'),
  method('ljust', "width, fillchar=' '", S, '—', 'Copy left-justified in a field of the given width.'),
  method('rjust', "width, fillchar=' '", S, '—', 'Copy right-justified in a field of the given width.'),
], [property('length', 'int', 'Number of characters.')]);

export const ARRAY_TYPE = cls('builtin', 'array', 'Built-in list value.', [
  method('append', 'item', 'null', '—', 'Add an item at the end (in place).'),
  method('extend', 'iterable', 'null', '—', 'Add all items of another array at the end (in place).'),
  method('insert', 'index, item', 'null', '—', 'Insert an item before index (in place).'),
  method('remove', 'item', 'null', '—', 'Remove the first occurrence of item; ValueError when absent.'),
  method('pop', 'index=-1', 'any', '—', 'Remove and return the item at index (default last).'),
  method('index', 'item, start=None, end=None', 'int', '—', 'Index of the first occurrence of item; ValueError when absent.'),
  method('count', 'item', 'int', '—', 'Number of occurrences of item.'),
  method('sort', 'reverse=False', 'null', '—', 'Sort in place.'),
  method('reverse', '', 'null', '—', 'Reverse in place.'),
  method('clear', '', 'null', '—', 'Remove all items.'),
  method('copy', '', 'array', '—', 'Shallow copy.'),
], [property('length', 'int', 'Number of elements.')]);

export const OBJECT_TYPE = cls('builtin', 'object', 'Built-in key/value map; o.m(x) calls the function stored under m.', [], [
  property('length', 'any', 'Just the key `length` (null if absent): use len(o) for the size.'),
]);

export const PAIR_TYPE = cls('builtin', 'pair', 'A pair produced by zip() or enumerate(); typeof gives "unknown".', [
  method('count', 'item', 'int', '—', 'Number of elements equal to item.'),
  method('index', 'item', 'int', '—', 'Index of the first element equal to item; ValueError when absent.'),
]);

/** The built-in value types whose methods STDLIB.md lists ("Methods on built-in values"). */
export const VALUE_TYPES = [STRING_TYPE, ARRAY_TYPE, OBJECT_TYPE, PAIR_TYPE] as const;
