// The core's Session as the JS class `Session` (core.d.mts), registered by bindings.cpp. Each method
// converts its arguments (convert.hpp), calls the core once, and converts the result; every error comes
// back as a value ({ok: false, error}), never as an exception crossing into JS.
#pragma once

#include <emscripten/val.h>

#include <memory>
#include <string>

#include "api/session.hpp"
#include "convert.hpp"
#include "util/seed.hpp"

namespace charrnn::js {

// One JS Session holds at most one core Session; create() and load() replace it only when they succeed.
class SessionBinding {
 public:
  val create(const std::string& text, const SettingsJs& settings) {
    return guarded([&] { return replace(std::make_unique<Session>(text, js::session_settings(settings))); });
  }

  val load(const std::string& file, const std::string& text, const SettingsJs& settings, bool resume) {
    return guarded([&] {
      const auto* data = reinterpret_cast<const std::uint8_t*>(file.data());
      return replace(std::make_unique<Session>(data, file.size(), text, js::train_settings(settings), settings.valFrac, resume));
    });
  }

  val trainSlice(int max_steps, double max_millis) {
    return guarded([&] { return js::slice(need().train_slice(max_steps, max_millis)); });
  }

  double steps() const { return session_ ? static_cast<double>(session_->steps()) : 0; }

  val reconfigure(const SettingsJs& settings) {
    return guarded([&] {
      need().reconfigure(js::train_settings(settings));
      return js::step(need().steps());
    });
  }

  val updateTraining(float learning_rate, float clip, float dropout) {
    return done([&](Session& s) { s.update_training(learning_rate, clip, dropout); });
  }

  // Data-parallel training (core/api/session.hpp; defined in replica_binding.cpp): this replica's share,
  // the sum made in place, the summed step, its streams' state.
  val computeGradients(int replica, int replicas);
  val addGradient(const val& values);
  val setGradient(const val& values);
  val copyGradient(const val& into);
  val applyGradients(const val& total, double step_millis, const std::string& snapshot);
  val streamState(int replica, int replicas);
  val setStreamState(int replica, int replicas, const val& values);

  val snapshot() { return guarded([&] { return js::step(need().snapshot()); }); }
  val restore() { return guarded([&] { return js::step(need().restore()); }); }

  val snapshotEvery(int steps) {
    SnapshotPolicy policy;
    policy.every_steps = steps;
    return done([&](Session& s) { s.set_snapshot_policy(policy); });
  }

  val gradientCheck(int per_tensor) {
    return guarded([&] { return js::gradient_check(need().gradient_check(per_tensor)); });
  }

  val validate(double max_chars) {
    return guarded([&] { return js::validation(need().validate(static_cast<long long>(max_chars))); });
  }

  val sample(const std::string& prime, int length, float temperature, int top_k, double seed) {
    SampleSettings s;
    s.length = length, s.temperature = temperature, s.top_k = top_k;
    return guarded([&] {
      s.seed = seed_from_number(seed);
      return js::named("text", val(need().sample(prime, s)));
    });
  }

  val probeReset() {
    return done([](Session& s) { s.probe_reset(); });
  }

  val probeFeed(const std::string& text) {
    return done([&](Session& s) { s.probe_feed(text); });
  }

  val probeProbabilities(float temperature) {
    return guarded([&] { return js::named("probabilities", js::floats(need().probe_probabilities(temperature))); });
  }

  val inspect(const std::string& text, int top_k) {
    return guarded([&] { return js::inspection(need().inspect(text, top_k), need().model().shape().cell); });
  }

  val connectivity(const std::string& text, int position) { return guarded([&] { return js::connectivity(need().connectivity(text, position)); }); }

  val gradientNorms() { return guarded([&] { return js::gradient_norms(need().gradient_norms()); }); }

  val spacingBreakdown(const std::string& text) {
    return guarded([&] { return js::spacing_breakdown(need().spacing_breakdown(text)); });
  }

  val classTrace(const std::string& line) {
    return guarded([&] { return js::class_trace(need().class_trace(line), need().labels()); });
  }

  val classifiedLines(double max_lines) {
    return guarded([&] { return js::classified_lines(need().classified_lines(static_cast<long long>(max_lines))); });
  }

  val save(bool with_optimizer) {
    return guarded([&] { return js::bytes(need().save(with_optimizer)); });
  }

 private:
  Session& need() {
    require(session_ != nullptr, "no model yet: create or load one first");
    return *session_;
  }

  template <class F>
  val done(F&& body) {  // a call with nothing to return but success
    return guarded([&] {
      body(need());
      return val::object();
    });
  }

  val replace(std::unique_ptr<Session> next) {
    session_ = std::move(next);  // only reached when the new one was built: a failure keeps the old
    return js::summary(*session_);
  }

  std::unique_ptr<Session> session_;
};

}  // namespace charrnn::js
