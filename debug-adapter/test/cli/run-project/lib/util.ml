// A user module for uses_lib.ml.
function double(x) {
  return x * 2;
}
function fail_in_module() {
  return [1, 2][5];
}
