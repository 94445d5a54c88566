x = 1; // one
if (x > 0) {
  print("positive");
}
