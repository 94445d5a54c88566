// Catalogue data: `http`, `env`, `args` and `log` (STDLIB.md). Data table; no behaviour here.
import { cls, defineModule, fn, method } from './define.js';

export const HTTP_RESPONSE_CLASS = cls('http', 'HttpResponse', 'Response of an HTTP request.', [
  method('status', '', 'int', '—', 'Status code.'),
  method('statusText', '', 'string', '—', 'Reason phrase.'),
  method('headers', '', 'object', '—', 'Response headers (lower-case names).'),
  method('body', '', 'string', '—', 'Body as text.'),
  method('ok', '', 'boolean', '—', 'Whether the status is 2xx.'),
  method('json', '', 'any', '—', 'Body parsed as JSON.'),
  method('text', '', 'string', '—', 'Body as text.'),
]);

const R = 'HttpResponse';
export const HTTP_MODULE = defineModule(
  'http',
  'HTTP client (each URL must be granted; private addresses need a literal grant).',
  [
    fn('get', 'url, headers=None, timeout=None', R, 'http:get:<url>', 'Send a GET request.'),
    fn(
      'post',
      'url, options=None',
      R,
      'http:post:<url>',
      'Send a POST request (options: body, json, headers, timeout).',
    ),
    fn('put', 'url, options=None', R, 'http:put:<url>', 'Send a PUT request (options: body, json, headers, timeout).'),
    fn('delete', 'url, headers=None, timeout=None', R, 'http:delete:<url>', 'Send a DELETE request.'),
    fn(
      'patch',
      'url, options=None',
      R,
      'http:patch:<url>',
      'Send a PATCH request (options: body, json, headers, timeout).',
    ),
    fn('head', 'url, headers=None, timeout=None', R, 'http:head:<url>', 'Send a HEAD request.'),
    fn(
      'request',
      'options',
      R,
      'http:<method>:<url>',
      'Send a request described by options {method, url, headers, body, timeout}.',
    ),
    fn('encodeURI', 'text', 'string', '—', 'Percent-encode text for a URL.'),
    fn('decodeURI', 'text', 'string', '—', 'Decode percent-encoded text.'),
    fn('encodeQuery', 'params', 'string', '—', 'Query string of an object.'),
    fn('parseQuery', 'query', 'object', '—', 'Object of a query string.'),
  ],
  [HTTP_RESPONSE_CLASS],
);

const ER = 'env:read:<KEY>';
const EW = 'env:write:<KEY>';
export const ENV_MODULE = defineModule(
  'env',
  "Environment variables (the sandbox's own view; writes never reach the host).",
  [
    fn('get', 'key, default=None', 'string', ER, 'Value of a variable, or default.'),
    fn('require', 'key', 'string', ER, 'Value of a variable; error when unset.'),
    fn('set', 'key, value', 'null', EW, "Set a variable in the sandbox's environment."),
    fn('has', 'key', 'boolean', ER, 'Whether a variable is set.'),
    fn('all', '', 'object', 'env:read:*', 'All variables.'),
    fn('delete', 'key', 'boolean', EW, "Unset a variable in the sandbox's environment."),
    fn('get_int', 'key, default=0', 'int', ER, 'Value of a variable as an integer.'),
    fn('get_bool', 'key, default=False', 'boolean', ER, 'Value of a variable as a boolean.'),
    fn('get_float', 'key, default=0.0', 'float', ER, 'Value of a variable as a float.'),
  ],
);

export const ARG_PARSER_CLASS = cls('args', 'ArgParser', 'Command-line argument parser.', [
  method('add_flag', 'name, short, help_text', 'ArgParser', '—', 'Declare a boolean flag.'),
  method('add_option', 'name, short, help_text, default', 'ArgParser', '—', 'Declare an option taking a value.'),
  method('add_positional', 'name, help_text, required=False', 'ArgParser', '—', 'Declare a positional argument.'),
  method('parse', 'argv=None', 'ParsedArgs', 'args:read', "Parse argv (default: the run's arguments)."),
  method('help', '', 'string', '—', 'Usage text.'),
]);

export const PARSED_ARGS_CLASS = cls('args', 'ParsedArgs', 'Result of ArgParser.parse().', [
  method('has', 'name', 'boolean', '—', 'Whether an argument was given.'),
  method('get', 'name, default=None', 'any', '—', 'Value of an option or positional, or default.'),
  method('get_bool', 'name', 'boolean', '—', 'Whether a flag was given.'),
  method('flags', '', 'object', '—', 'All flags.'),
  method('options', '', 'object', '—', 'All options.'),
  method('positionals', '', 'array', '—', 'All positional values.'),
]);

export const ARGS_MODULE = defineModule(
  'args',
  "The run's command-line arguments.",
  [
    fn('all', '', 'array', 'args:read', 'All arguments, script name first.'),
    fn('script', '', 'string', 'args:read', 'The script name.'),
    fn('rest', '', 'array', 'args:read', 'The arguments after the script name.'),
    fn('create_parser', "name='', description=''", 'ArgParser', '—', 'A new argument parser.'),
  ],
  [ARG_PARSER_CLASS, PARSED_ARGS_CLASS],
);

const W = 'log:write';
const MSG = 'message, data=None';
export const LOGGER_CLASS = cls('log', 'Logger', 'A named logger.', [
  method('debug', MSG, 'null', W, 'Log at debug level.'),
  method('info', MSG, 'null', W, 'Log at info level.'),
  method('warn', MSG, 'null', W, 'Log at warning level.'),
  method('error', MSG, 'null', W, 'Log at error level.'),
  method('critical', MSG, 'null', W, 'Log at critical level.'),
  method('is_debug', '', 'boolean', '—', 'Whether debug messages are emitted.'),
  method('set_level', 'level', 'null', W, 'Set the minimum level.'),
  method('add_file', 'file_path', 'null', 'log:write, file:write:<path>', 'Also write log lines to a file.'),
  method('set_format', 'format_type', 'null', W, 'Set the line format (text or json).'),
  method('set_timestamp', 'enabled', 'null', W, 'Turn timestamps on or off.'),
]);

export const LOG_MODULE = defineModule(
  'log',
  'Structured logging to standard error.',
  [
    fn('debug', MSG, 'null', W, 'Log at debug level.'),
    fn('info', MSG, 'null', W, 'Log at info level.'),
    fn('warn', MSG, 'null', W, 'Log at warning level.'),
    fn('error', MSG, 'null', W, 'Log at error level.'),
    fn('critical', MSG, 'null', W, 'Log at critical level.'),
    fn('set_level', 'level', 'null', W, 'Set the minimum level.'),
    fn('set_format', 'format_type', 'null', W, 'Set the line format (text or json).'),
    fn('add_file', 'file_path', 'null', 'log:write, file:write:<path>', 'Also write log lines to a file.'),
    fn('set_timestamp', 'enabled', 'null', W, 'Turn timestamps on or off.'),
    fn('is_debug', '', 'boolean', '—', 'Whether debug messages are emitted.'),
    fn('create_logger', 'name', 'Logger', '—', 'A new named logger.'),
  ],
  [LOGGER_CLASS],
);
