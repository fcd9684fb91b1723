#pragma once
// SHA-256 (OpenSSL libcrypto) with lower-case hex output.
#include <memory>
#include <string>
#include <string_view>

namespace parscore::core {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    Sha256(Sha256&&) noexcept;
    Sha256& operator=(Sha256&&) noexcept;

    /// A digest that has read what this one has so far and continues on its own (to resume a
    /// long digest from a point in the middle).
    Sha256 copy() const;

    Sha256& update(std::string_view bytes);
    /// Finishes the digest; the object may not be updated afterwards.
    std::string hex();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

std::string sha256_hex(std::string_view bytes);

}  // namespace parscore::core
