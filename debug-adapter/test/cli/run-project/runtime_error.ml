// Fails two calls deep: the error names the place and the ML stack.
function ratio(a, b) {
  return a / b;
}
function report(values) {
  return ratio(values[0], values[1]);
}
print("start");
print(report([1, 0]));
