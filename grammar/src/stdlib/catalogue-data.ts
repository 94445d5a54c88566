// Catalogue data: `json`, `random` and `crypto` (STDLIB.md). Data table; no behaviour here.
import { defineModule, fn } from './define.js';

export const JSON_MODULE = defineModule('json', 'Parse and produce JSON text.', [
  fn('parse', 'json_string', 'any', 'json:parse', 'Value of a JSON text.'),
  fn(
    'safeParse',
    'json_string, max_depth=100',
    'any',
    'json:parse',
    'Value of a JSON text, refusing nesting deeper than max_depth.',
  ),
  fn('stringify', 'obj', 'string', 'json:serialize', 'Compact JSON text of a value.'),
  fn('prettyPrint', 'obj, indent=4', 'string', 'json:serialize', 'Indented JSON text of a value.'),
  fn('validate', 'json_string', 'boolean', 'json:parse', 'Whether a text is valid JSON.'),
  fn('isObject', 'value', 'boolean', '—', 'Whether a value is an object.'),
  fn('isArray', 'value', 'boolean', '—', 'Whether a value is an array.'),
  fn('isString', 'value', 'boolean', '—', 'Whether a value is a string.'),
  fn('isNumber', 'value', 'boolean', '—', 'Whether a value is a number.'),
  fn('isBoolean', 'value', 'boolean', '—', 'Whether a value is a boolean.'),
  fn('isNull', 'value', 'boolean', '—', 'Whether a value is null.'),
  fn('keys', 'obj', 'array', '—', 'Keys of an object.'),
  fn('values', 'obj', 'array', '—', 'Values of an object.'),
  fn('hasKey', 'obj, key', 'boolean', '—', 'Whether an object has a key.'),
  fn('get', 'obj, key, default=None', 'any', '—', 'Value under key, or default.'),
  fn('merge', 'obj1, obj2', 'object', '—', 'A new object with the keys of both (obj2 wins).'),
]);

const G = 'random:generate';
const S = 'random:sample';
export const RANDOM_MODULE = defineModule('random', 'Seedable pseudo-random numbers (not for security).', [
  fn('setSeed', 'seed', 'null', G, 'Seed the generator for reproducible sequences.'),
  fn('getSeed', '', 'int', G, 'The current seed.'),
  fn('nextInt', '', 'int', G, 'Next raw integer of the generator.'),
  fn('random', '', 'float', G, 'Float in [0, 1).'),
  fn('randomFloat', 'min_val=0, max_val=1', 'float', G, 'Float in [min_val, max_val).'),
  fn('randomInt', 'min_val=0, max_val=100', 'int', G, 'Integer in [min_val, max_val].'),
  fn('randomBool', '', 'boolean', G, 'true or false with equal probability.'),
  fn('randomBoolWeighted', 'probability', 'boolean', G, 'true with the given probability.'),
  fn('choice', 'lst', 'any', S, 'A random element.'),
  fn('shuffle', 'lst', 'array', S, 'A shuffled copy.'),
  fn('sample', 'lst, n', 'array', S, 'n distinct random elements.'),
  fn('randomNormal', 'mean=0, stddev=1', 'float', G, 'Normally distributed float.'),
  fn('uniform', 'min_val, max_val', 'float', G, 'Uniformly distributed float.'),
  fn('gaussian', 'mean=0, stddev=1', 'float', G, 'Normally distributed float.'),
  fn('triangular', 'low, high, mode=None', 'float', G, 'Float from a triangular distribution.'),
  fn('randomIndices', 'length, count', 'array', S, 'count distinct indices below length.'),
  fn('set_seed', 'seed', 'null', G, 'Alias of setSeed.'),
  fn('get_seed', '', 'int', G, 'Alias of getSeed.'),
  fn('next_int', '', 'int', G, 'Alias of nextInt.'),
  fn('random_float', 'min_val=0, max_val=1', 'float', G, 'Alias of randomFloat.'),
  fn('random_int', 'min_val=0, max_val=100', 'int', G, 'Alias of randomInt.'),
  fn('random_bool', '', 'boolean', G, 'Alias of randomBool.'),
  fn('random_normal', 'mean=0, stddev=1', 'float', G, 'Alias of randomNormal.'),
  fn('random_indices', 'length, count', 'array', S, 'Alias of randomIndices.'),
]);

const H = 'crypto:hash';
const RND = 'crypto:random';
export const CRYPTO_MODULE = defineModule('crypto', 'Hashes, HMACs, UUIDs and secure random values.', [
  fn('sha256', "data, salt=''", 'string', H, 'Hex SHA-256 of salt + data.'),
  fn('sha1', "data, salt=''", 'string', H, 'Hex SHA-1 of salt + data.'),
  fn('md5', "data, salt=''", 'string', H, 'Hex MD5 of salt + data.'),
  fn(
    'hash_file',
    "file_path, algorithm='sha256'",
    'string',
    'crypto:hash, file:read:<path>',
    "Hex digest of a file's bytes.",
  ),
  fn('uuid', '', 'string', RND, 'A random version-4 UUID.'),
  fn('uuid_from_string', 'data, namespace=None', 'string', H, 'A name-based version-5 UUID.'),
  fn('random_bytes', 'length', 'array', RND, 'Secure random bytes.'),
  fn('random_hex', 'length', 'string', RND, 'Secure random hex text.'),
  fn('random_string', 'length', 'string', RND, 'Secure random alphanumeric text.'),
  fn('random_int', 'min_val, max_val', 'int', RND, 'Secure random integer in [min_val, max_val].'),
  fn('random_float', '', 'float', RND, 'Secure random float in [0, 1).'),
  fn('compare_hash', 'hash1, hash2', 'boolean', H, 'Constant-time comparison of two digests.'),
  fn('hmac', "message, key, algorithm='sha256'", 'string', H, 'Hex HMAC of a message.'),
  fn(
    'verify_hmac',
    "message, signature, key, algorithm='sha256'",
    'boolean',
    H,
    'Whether an HMAC signature is valid (constant time).',
  ),
]);
