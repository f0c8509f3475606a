// charrnn eval --model M --text FILE → {"loss": nats per char, "bpc": bits per char, "characters": N}
#include <iostream>
#include <nlohmann/json.hpp>

#include "api/session.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "text/utf8.hpp"

namespace charrnn::cli {

int eval_command(const std::vector<std::string>& argv) {
  const Args args(argv, {"model", "text"});
  const std::string model_bytes = read_file(args.required("model"));
  const std::string text = read_file(args.required("text"));
  const Session session(reinterpret_cast<const std::uint8_t*>(model_bytes.data()), model_bytes.size(), "", TrainSettings{},
                        0.f, false);
  const Evaluation e = evaluate(session.model(), session.vocab().encode(decode_utf8(text)));
  std::cout << nlohmann::json{{"loss", e.loss}, {"bpc", e.bits_per_char}, {"characters", e.predictions + 1}}.dump() << '\n';
  return 0;
}

}  // namespace charrnn::cli
