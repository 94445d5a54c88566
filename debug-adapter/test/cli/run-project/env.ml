// Prints what the sandbox's environment holds.
import env;
print(env.get("GREETING", "no greeting"));
print(env.get("HOME", "no home"));
