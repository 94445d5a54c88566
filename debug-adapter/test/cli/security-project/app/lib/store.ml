// A user module: writes files for report.ml.
import file;

function save(p, t) {
  return file.write(p, t);
}
