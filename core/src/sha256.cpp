#include "parscore/core/sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace parscore::core {

namespace {

[[noreturn]] void fail(const char* what) { throw std::runtime_error(std::string("SHA-256: ") + what); }

std::string to_hex(const unsigned char* bytes, unsigned int size) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(size * 2, '0');
    for (unsigned int i = 0; i < size; ++i) {
        out[2 * i] = kDigits[bytes[i] >> 4];
        out[2 * i + 1] = kDigits[bytes[i] & 0x0F];
    }
    return out;
}

}  // namespace

struct Sha256::Impl {
    EVP_MD_CTX* ctx = nullptr;
    std::string digest;  // set once hex() has finished the context
    ~Impl() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256() : impl_(std::make_unique<Impl>()) {
    impl_->ctx = EVP_MD_CTX_new();
    if (impl_->ctx == nullptr) fail("cannot allocate a digest context");
    if (EVP_DigestInit_ex(impl_->ctx, EVP_sha256(), nullptr) != 1) fail("cannot initialise the digest");
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

Sha256 Sha256::copy() const {
    if (!impl_->digest.empty()) fail("copy after the digest was finished");
    Sha256 out;
    if (EVP_MD_CTX_copy_ex(out.impl_->ctx, impl_->ctx) != 1) fail("cannot copy the digest");
    return out;
}

Sha256& Sha256::update(std::string_view bytes) {
    if (!impl_->digest.empty()) fail("update after the digest was finished");
    if (EVP_DigestUpdate(impl_->ctx, bytes.data(), bytes.size()) != 1) fail("cannot update the digest");
    return *this;
}

std::string Sha256::hex() {
    // Finishing twice is undefined in OpenSSL, so the first result is kept and returned again.
    if (impl_->digest.empty()) {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int size = 0;
        if (EVP_DigestFinal_ex(impl_->ctx, md, &size) != 1) fail("cannot finish the digest");
        impl_->digest = to_hex(md, size);
    }
    return impl_->digest;
}

std::string sha256_hex(std::string_view bytes) { return Sha256().update(bytes).hex(); }

}  // namespace parscore::core
