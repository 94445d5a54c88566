// Nothing to report.
print("hello");
