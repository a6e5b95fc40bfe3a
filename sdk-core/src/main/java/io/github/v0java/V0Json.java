package io.github.v0java;

import com.squareup.moshi.Moshi;

/** The one Moshi configuration of the SDK: the generated adapters of API v2 and v1. */
final class V0Json {
  private static final Moshi MOSHI = io.github.v0java.v1.model.JsonAdapters.addModelAdaptersTo(
      io.github.v0java.model.JsonAdapters.addTo(new Moshi.Builder())).build();

  private V0Json() {
  }

  static Moshi moshi() {
    return MOSHI;
  }
}
