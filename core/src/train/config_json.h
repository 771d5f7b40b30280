#pragma once
// Helpers shared by the config structs' validate() and fromJson(): range and choice checks and
// typed reads whose ConfigErrors name the field.

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <type_traits>
#include <vector>

#include "dcs/error.h"

namespace dcs::train::config_json {

using Json = nlohmann::json;

inline void requireOneOf(const char* field, const std::string& value, std::initializer_list<const char*> allowed) {
    std::string list;
    for (const char* a : allowed) {
        if (value == a) return;
        list += (list.empty() ? "" : ", ") + std::string(a);
    }
    throw ConfigError(std::string(field) + ": '" + value + "'; expected one of " + list);
}

template <typename T>
inline void requireRange(const char* field, T value, T lo, T hi) {
    if (!(value >= lo && value <= hi))
        throw ConfigError(std::string(field) + ": " + std::to_string(value) + "; expected " + std::to_string(lo) +
                          " .. " + std::to_string(hi));
}

template <typename T>
struct IsList : std::false_type {};
template <typename T>
struct IsList<std::vector<T>> : std::true_type {};

// Reads key into value when present, with a ConfigError naming the key for a wrong type.
template <typename T>
inline void read(const Json& json, const char* key, T& value) {
    const auto it = json.find(key);
    if (it == json.end()) return;
    try {
        value = it->get<T>();
    } catch (const Json::exception&) {
        throw ConfigError(std::string(key) + ": found " + it->dump() + " (" + it->type_name() + "); expected a " +
                          (std::is_same_v<T, std::string> ? "string"
                           : std::is_floating_point_v<T>  ? "number"
                           : IsList<T>::value             ? "list of numbers"
                                                          : "whole number"));
    }
}

// Parses text as a JSON object whose keys must all appear in `known` (a config's own toJson()).
inline Json parseObject(const std::string& text, const Json& known) {
    Json json;
    try {
        json = Json::parse(text);
    } catch (const Json::exception& e) {
        throw ConfigError(std::string("config: not valid JSON (") + e.what() + ")");
    }
    if (!json.is_object()) throw ConfigError("config: expected a JSON object, found " + std::string(json.type_name()));
    for (const auto& [key, value] : json.items())
        if (!known.contains(key)) throw ConfigError("config: unknown key '" + key + "'");
    return json;
}

}  // namespace dcs::train::config_json
