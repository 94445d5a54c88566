// Catalogue data: `file`, `path` and `csv` (STDLIB.md), the modules that reach the file system.
// Data table; no behaviour here.
import { defineModule, fn } from './define.js';

const ST = 'file:stat:<path>';
const ENC = "encoding='utf-8'";
export const FILE_MODULE = defineModule('file', 'Read and write files (each path must be granted).', [
  fn('read', `path, ${ENC}`, 'string', 'file:read:<path>', 'Whole file as text.'),
  fn('readBytes', 'path', 'array', 'file:read:<path>', 'Whole file as an array of bytes.'),
  fn('readLines', `path, ${ENC}`, 'array', 'file:read:<path>', 'Lines of a text file, without line endings.'),
  fn('write', `path, content, ${ENC}`, 'int', 'file:write:<path>', "Replace a file's contents with text."),
  fn('writeBytes', 'path, data', 'int', 'file:write:<path>', "Replace a file's contents with bytes."),
  fn('writeLines', `path, lines, ${ENC}`, 'int', 'file:write:<path>', "Replace a file's contents with lines."),
  fn('append', `path, content, ${ENC}`, 'int', 'file:append:<path>', 'Add text at the end of a file.'),
  fn('exists', 'path', 'boolean', ST, 'Whether a path exists.'),
  fn('delete', 'path', 'boolean', 'file:delete:<path>', 'Delete a file.'),
  fn('copy', 'source, destination', 'boolean', 'file:read:<source>, file:write:<destination>', 'Copy a file.'),
  fn(
    'move',
    'source, destination',
    'boolean',
    'file:read:<source>, file:write:<destination>, file:delete:<source>',
    'Move a file.',
  ),
  fn('size', 'path', 'int', ST, 'Size of a file in bytes.'),
  fn('modifiedTime', 'path', 'float', ST, 'Last modification time in seconds since the epoch.'),
  fn('isFile', 'path', 'boolean', ST, 'Whether a path is a regular file.'),
  fn('isDirectory', 'path', 'boolean', ST, 'Whether a path is a directory.'),
]);

export const PATH_MODULE = defineModule('path', 'Path manipulation (pure) and directory access (granted).', [
  fn('join', '*parts', 'string', '—', 'Parts joined with the separator.'),
  fn('dirname', 'path', 'string', '—', 'Directory part of a path.'),
  fn('basename', 'path', 'string', '—', 'Last component of a path.'),
  fn('extname', 'path', 'string', '—', 'Extension of the last component, with the dot.'),
  fn('split', 'path', 'array', '—', 'Directory part and last component.'),
  fn('absolute', 'path', 'string', '—', 'Absolute form of a path, relative to the program folder.'),
  fn('normalize', 'path', 'string', '—', 'Path with `.`, `..` and duplicate separators resolved.'),
  fn('relative', 'from_path, to_path', 'string', '—', 'Relative path from one path to another.'),
  fn('exists', 'path', 'boolean', ST, 'Whether a path exists.'),
  fn('isFile', 'path', 'boolean', ST, 'Whether a path is a regular file.'),
  fn('isDirectory', 'path', 'boolean', ST, 'Whether a path is a directory.'),
  fn('isAbsolute', 'path', 'boolean', '—', 'Whether a path is absolute.'),
  fn('listDir', "dir_path='.'", 'array', 'path:read:<dir>', 'Names of the entries of a directory.'),
  fn('glob', 'pattern', 'array', 'path:read:<dir>', 'Paths matching a glob pattern.'),
  fn('walk', 'dir_path, max_depth=-1', 'array', 'path:read:<dir>', 'All paths below a directory.'),
  fn('createDir', 'dir_path, parents=True', 'boolean', 'path:write:<dir>', 'Create a directory.'),
  fn('removeDir', 'dir_path', 'boolean', 'path:write:<dir>', 'Remove an empty directory.'),
  fn('removeDirRecursive', 'dir_path', 'boolean', 'path:write:<dir>', 'Remove a directory and everything in it.'),
  fn('cwd', '', 'string', '—', "The program folder (the run's root), not the host's working directory."),
  fn('home', '', 'string', 'system:info', "The user's home directory."),
  fn('tempDir', '', 'string', 'system:info', 'The temporary-files directory.'),
  fn('separator', '', 'string', '—', 'The path separator (`/`).'),
  fn('delimiter', '', 'string', '—', 'The separator of path lists (`:`).'),
]);

const D = "delimiter=','";
export const CSV_MODULE = defineModule('csv', 'Read and write CSV files and strings.', [
  fn(
    'read',
    `file_path, ${D}, headers=True, ${ENC}`,
    'array',
    'file:read:<path>',
    'Rows of a CSV file (objects when headers is true).',
  ),
  fn(
    'write',
    `file_path, data, ${D}, headers=True, ${ENC}`,
    'boolean',
    'file:write:<path>',
    'Write rows to a CSV file.',
  ),
  fn('read_string', `csv_string, ${D}, headers=True`, 'array', '—', 'Rows of CSV text.'),
  fn('write_string', `data, ${D}, headers=True`, 'string', '—', 'CSV text of rows.'),
  fn('count_rows', `file_path, ${D}, ${ENC}`, 'int', 'file:read:<path>', 'Number of data rows in a CSV file.'),
  fn('get_headers', `file_path, ${D}, ${ENC}`, 'array', 'file:read:<path>', 'Header row of a CSV file.'),
  fn(
    'append',
    `file_path, row, ${D}, ${ENC}`,
    'boolean',
    'file:read:<path>, file:write:<path>',
    'Add a row at the end of a CSV file.',
  ),
]);
