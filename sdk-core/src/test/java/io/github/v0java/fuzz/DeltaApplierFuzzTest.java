package io.github.v0java.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import io.github.v0java.internal.delta.DeltaApplier;
import io.github.v0java.internal.delta.DeltaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okio.Buffer;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Fuzzes {@link DeltaApplier#apply(Object, Object)} with a JSON root and a JSON delta: the input's
 * first line is the root, the rest the delta (inputs either of which is not JSON are skipped).
 * Only {@link DeltaException} may escape, and when it does the root must be exactly as before,
 * key order included (all or nothing); when it succeeds the tree must share no container with the
 * delta (values are copied in).
 *
 * <p>In a plain test run (no {@code JAZZER_FUZZ}) this only replays the committed inputs in
 * {@code src/test/resources/io/github/v0java/fuzz/DeltaApplierFuzzTestInputs/}. See
 * {@code FuzzTests.md} next to those inputs for a real fuzzing run.
 */
// Not in the 64 MB "hostile-inputs" surefire execution, which -Dtest=... also reaches: Jazzer's
// agent needs more heap than that to start.
@DisabledIfSystemProperty(named = "v0.hostile", matches = "true")
class DeltaApplierFuzzTest {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  @DictionaryEntries({"\"_t\":\"a\"", "\"_0\":", "\"_1\":", ",0,2]", ",0,0]", ",1,3]", ",9,9]", "@@ -1,3 +1,4 @@",
      "%0A", "\"text\":"})
  @FuzzTest(maxDuration = "30s")
  void applyDelta(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    int newline = text.indexOf('\n');
    if (newline < 0) return;
    Object root;
    Object delta;
    try {
      root = parse(text.substring(0, newline));
      delta = parse(text.substring(newline + 1));
    } catch (IOException | JsonDataException notJson) {
      return;
    }
    Object copy = deepCopy(root);
    String before = JSON.toJson(root);
    try {
      Object result = DeltaApplier.apply(root, delta);
      JSON.toJson(result); // the result must still be a JSON tree
      // Values a delta sets or inserts are copied: the tree never shares a container with it.
      Set<Object> deltaContainers = Collections.newSetFromMap(new IdentityHashMap<>());
      collectContainers(delta, deltaContainers);
      Set<Object> treeContainers = Collections.newSetFromMap(new IdentityHashMap<>());
      collectContainers(result, treeContainers);
      treeContainers.retainAll(deltaContainers);
      assertTrue(treeContainers.isEmpty(), "the tree shares a container with the delta");
    } catch (DeltaException expected) {
      assertEquals(copy, root, "root changed although the delta failed");
      assertEquals(before, JSON.toJson(root), "root changed (key order?) although the delta failed");
    }
  }

  private static Object parse(String json) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    Object value = reader.readJsonValue();
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) throw new JsonDataException("trailing data");
    return value;
  }

  private static void collectContainers(Object value, Set<Object> into) {
    if (value instanceof Map) {
      if (!into.add(value)) return;
      for (Object item : ((Map<?, ?>) value).values()) collectContainers(item, into);
    } else if (value instanceof List) {
      if (!into.add(value)) return;
      for (Object item : (List<?>) value) collectContainers(item, into);
    }
  }

  private static Object deepCopy(Object value) {
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        copy.put((String) entry.getKey(), deepCopy(entry.getValue()));
      }
      return copy;
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object item : (List<?>) value) copy.add(deepCopy(item));
      return copy;
    }
    return value;
  }
}
