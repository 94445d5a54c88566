// Reads configuration from the environment with defaults. Needs env:read for APP_* names:
//   mlsec run examples/env_config.ml --allow 'env:read:APP_*'
import env;

port = env.get_int("APP_PORT", 8080);
mode = env.get("APP_MODE", "development");
debug = env.get_bool("APP_DEBUG", false);
print("port:", port);
print("mode:", mode);
print("debug:", debug);
if (mode == "production" && debug) {
  print("warning: debug output enabled in production");
}
