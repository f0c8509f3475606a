#include "io/safetensors.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>

#include "io/file_refusal.hpp"
#include "util/error.hpp"

namespace charrnn {
namespace {

using nlohmann::json;

using file_refusal::bad;  // every refusal with its code (file.*) and the values its sentence names

std::string num(std::uint64_t n) { return std::to_string(n); }

std::size_t dtype_size(const std::string& dtype) {
  static const std::map<std::string, std::size_t> sizes = {
      {"BOOL", 1}, {"U8", 1},  {"I8", 1},  {"F8_E5M2", 1}, {"F8_E4M3", 1}, {"I16", 2}, {"U16", 2},
      {"F16", 2},  {"BF16", 2}, {"I32", 4}, {"U32", 4},    {"F32", 4},     {"F64", 8}, {"I64", 8}, {"U64", 8}};
  auto it = sizes.find(dtype);
  return it == sizes.end() ? 0 : it->second;
}

std::uint64_t read_u64_le(const std::uint8_t* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

SafetensorsEntry parse_entry(const std::string& name, const json& info, std::size_t buffer_size) {
  if (!info.is_object()) bad("file.tensorEntryBroken", {{"name", name}}, "entry '" + name + "' is not an object");
  SafetensorsEntry e;
  e.name = name;
  auto field = [&](const char* key) -> const json& {
    auto it = info.find(key);
    if (it == info.end()) bad("file.tensorFieldMissing", {{"name", name}, {"field", key}}, "tensor '" + name + "' has no \"" + key + "\"");
    return *it;
  };
  const json& dtype = field("dtype");
  if (!dtype.is_string()) bad("file.tensorFieldBroken", {{"name", name}, {"field", "dtype"}}, "tensor '" + name + "' has a dtype that is not a string");
  e.dtype = dtype.get<std::string>();
  const std::size_t elem = dtype_size(e.dtype);
  if (elem == 0) bad("file.unknownDtype", {{"name", name}, {"dtype", e.dtype}}, "tensor '" + name + "' has unknown dtype '" + e.dtype + "'");

  const json& shape = field("shape");
  if (!shape.is_array()) bad("file.tensorFieldBroken", {{"name", name}, {"field", "shape"}}, "tensor '" + name + "' has a shape that is not an array");
  if (shape.size() > 8)
    bad("file.tooManyDimensions", {{"name", name}, {"dimensions", num(shape.size())}, {"max", "8"}},
        "tensor '" + name + "' has " + std::to_string(shape.size()) + " dimensions");
  std::uint64_t count = 1;
  for (const json& d : shape) {
    if (!d.is_number_unsigned())
      bad("file.tensorFieldBroken", {{"name", name}, {"field", "shape"}}, "tensor '" + name + "' has a shape entry that is not a non-negative integer");
    const std::uint64_t n = d.get<std::uint64_t>();
    if (n > (std::uint64_t(1) << 40) || (n != 0 && count > std::numeric_limits<std::uint64_t>::max() / n / 8))
      bad("file.shapeTooLarge", {{"name", name}}, "tensor '" + name + "' declares an impossibly large shape");
    count *= n;
    e.shape.push_back(static_cast<std::int64_t>(n));
  }

  const json& offsets = field("data_offsets");
  if (!offsets.is_array() || offsets.size() != 2 || !offsets[0].is_number_unsigned() || !offsets[1].is_number_unsigned())
    bad("file.tensorFieldBroken", {{"name", name}, {"field", "data_offsets"}}, "tensor '" + name + "' needs data_offsets [begin, end] of non-negative integers");
  const std::uint64_t begin = offsets[0].get<std::uint64_t>(), end = offsets[1].get<std::uint64_t>();
  if (begin > end) bad("file.tensorFieldBroken", {{"name", name}, {"field", "data_offsets"}}, "tensor '" + name + "' has data_offsets that end before they begin");
  if (end > buffer_size)
    bad("file.tensorBeyondData", {{"name", name}, {"begin", num(begin)}, {"end", num(end)}, {"bytes", num(buffer_size)}},
        "tensor '" + name + "' has data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) +
        "] beyond the data (" + std::to_string(buffer_size) + " bytes; is the file truncated?)");
  if (end - begin != count * elem)
    bad("file.tensorSizeMismatch", {{"name", name}, {"bytes", num(end - begin)}, {"needed", num(count * elem)}},
        "tensor '" + name + "' has " + std::to_string(end - begin) + " bytes of data but its shape and dtype need " +
        std::to_string(count * elem));
  e.begin = static_cast<std::size_t>(begin);
  e.end = static_cast<std::size_t>(end);
  return e;
}

}  // namespace

const SafetensorsEntry* SafetensorsView::find(const std::string& name) const {
  for (const auto& t : tensors)
    if (t.name == name) return &t;
  return nullptr;
}

SafetensorsView parse_safetensors(const std::uint8_t* data, std::size_t size) {
  if (size < 8) bad("file.tooShort", {{"bytes", num(size)}}, "too short to be a safetensors file (" + std::to_string(size) + " bytes)");
  const std::uint64_t n = read_u64_le(data);
  if (n > kMaxSafetensorsHeader)
    bad("file.headerTooLong", {{"length", num(n)}, {"limit", "100"}}, "header length " + std::to_string(n) + " is larger than the 100 MB limit (not a safetensors file?)");
  if (n > size - 8)
    bad("file.headerPastEnd", {{"length", num(n)}, {"bytes", num(size)}}, "header length " + std::to_string(n) + " runs past the end of the file (" + std::to_string(size) + " bytes; truncated?)");
  if (n < 2 || data[8] != '{') bad("file.notSafetensors", {}, "the header does not start with a JSON object (not a safetensors file?)");

  // Duplicate names are an error (plain JSON parsing would silently keep the last one).
  std::set<std::string> seen;
  std::string duplicate;
  json::parser_callback_t check_duplicates = [&](int depth, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::key && depth == 1 && !seen.insert(parsed.get<std::string>()).second &&
        duplicate.empty())
      duplicate = parsed.get<std::string>();
    return true;
  };
  const char* header = reinterpret_cast<const char*>(data + 8);
  json root = json::parse(header, header + n, check_duplicates, /*allow_exceptions=*/false);
  if (root.is_discarded()) bad("file.headerNotJson", {}, "the header is not valid JSON");
  if (!duplicate.empty()) bad("file.duplicateTensor", {{"name", duplicate}}, "tensor '" + duplicate + "' appears twice in the header");
  if (!root.is_object()) bad("file.notSafetensors", {}, "the header is not a JSON object");

  SafetensorsView view;
  view.buffer = data + 8 + n;
  view.buffer_size = static_cast<std::size_t>(size - 8 - n);
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (it.key() == "__metadata__") {
      if (!it->is_object()) bad("file.metadataNotObject", {}, "__metadata__ is not an object");
      for (auto m = it->begin(); m != it->end(); ++m) {
        if (!m->is_string()) bad("file.metadataNotString", {{"key", m.key()}}, "metadata value '" + m.key() + "' is not a string");
        view.metadata[m.key()] = m->get<std::string>();
      }
      continue;
    }
    view.tensors.push_back(parse_entry(it.key(), *it, view.buffer_size));
  }
  std::sort(view.tensors.begin(), view.tensors.end(),
            [](const SafetensorsEntry& a, const SafetensorsEntry& b) { return a.begin < b.begin || (a.begin == b.begin && a.end < b.end); });
  std::size_t expected = 0;
  for (const auto& t : view.tensors) {
    if (t.begin < expected) bad("file.tensorsOverlap", {{"name", t.name}}, "tensor '" + t.name + "' overlaps the data of another tensor");
    if (t.begin > expected)
      bad("file.dataHole", {{"name", t.name}, {"bytes", num(t.begin - expected)}}, "the data has a hole of " + std::to_string(t.begin - expected) + " bytes before tensor '" + t.name + "'");
    expected = t.end;
  }
  if (expected != view.buffer_size)
    bad("file.dataLeftOver", {{"bytes", num(view.buffer_size - expected)}}, "the data has " + std::to_string(view.buffer_size - expected) + " bytes after the last tensor that no tensor uses");
  return view;
}

std::vector<std::uint8_t> write_safetensors(const std::vector<F32Tensor>& tensors,
                                            const std::map<std::string, std::string>& metadata) {
  json header = json::object();
  if (!metadata.empty()) header["__metadata__"] = metadata;
  std::size_t offset = 0;
  for (const auto& t : tensors) {
    std::size_t count = 1;
    for (auto d : t.shape) count *= static_cast<std::size_t>(d);
    header[t.name] = {{"dtype", "F32"}, {"shape", t.shape}, {"data_offsets", {offset, offset + count * 4}}};
    offset += count * 4;
  }
  std::string text = header.dump();
  text.append((8 - text.size() % 8) % 8, ' ');  // the buffer starts 8-byte aligned
  std::vector<std::uint8_t> out(8 + text.size() + offset);
  std::uint64_t n = text.size();
  for (int i = 0; i < 8; ++i) out[i] = static_cast<std::uint8_t>(n >> (8 * i));
  std::memcpy(out.data() + 8, text.data(), text.size());
  std::uint8_t* dst = out.data() + 8 + text.size();
  for (const auto& t : tensors) {
    std::size_t count = 1;
    for (auto d : t.shape) count *= static_cast<std::size_t>(d);
    for (std::size_t i = 0; i < count; ++i) {  // little-endian, whatever the host
      std::uint32_t u;
      std::memcpy(&u, &t.values[i], 4);
      for (int b = 0; b < 4; ++b) *dst++ = static_cast<std::uint8_t>(u >> (8 * b));
    }
  }
  return out;
}

}  // namespace charrnn
