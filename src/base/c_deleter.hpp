#pragma once
// Owns a C library object from the line that creates it:
//   using LamePtr = std::unique_ptr<lame_global_flags, CDeleter<lame_close>>;

namespace briefcast {

template <auto Fn>
struct CDeleter {
  template <class T>
  void operator()(T* p) const noexcept {
    if (p) Fn(p);
  }
};

}  // namespace briefcast
