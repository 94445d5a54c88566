// Recurses without end: RecursionError (a limit, exit 4); the repeated frames are summarised.
function down(n) {
  return down(n + 1);
}
function start() {
  return down(0);
}
start();
