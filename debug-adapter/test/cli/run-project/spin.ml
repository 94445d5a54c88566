// Loops forever: stopped by the CPU-time limit.
n = 0;
while (true) {
  n = n + 1;
}
