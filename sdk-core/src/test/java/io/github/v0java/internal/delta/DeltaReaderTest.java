package io.github.v0java.internal.delta;

import static io.github.v0java.internal.delta.TestJson.parse;
import static io.github.v0java.internal.delta.TestJson.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.v0java.internal.ByteArrayJsonReader;
import io.github.v0java.internal.ByteArrayJsonReader.Unsupported;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeltaReaderTest {
  private static final String PARTS = "[{'type':'text','text':'Hello'},"
      + "{'type':'bash','command':'ls','output':'a','meta':{'n':1,'m':'x'}}]";

  @Test void appliesTheCommonShapesAsJsonDiffPatchDoes() throws Exception {
    String[] deltas = {
        "{'0':{'text':['@@ -1,5 +1,11 @@\\n Hello\\n+%20world\\n',0,2]},'_t':'a'}",
        "{'1':{'output':['a','a b']},'_t':'a'}",
        "{'_t':'a','0':{'text':['Hi']},'1':{'meta':{'n':[1,2],'m':['x',0,0]}}}",
        "{'1':{'exitCode':[0],'output':['a',0,0]},'_t':'a'}",
        "{'1':{'missing':['gone',0,0]},'_t':'a'}",
        "{'0':{'text':['@@ -1,0 +1,4 @@\\n+%C3%A9%F0%9F%98%80\\n',0,2]},'_t':'a'}",
        "{'2':[{'type':'text','text':'new','list':[1,{'a':null}]}],'_t':'a'}", // A new part.
        "{'1':{'output':['a','a b']},'2':[{'type':'text'}],'3':['x'],'_t':'a'}",
    };
    for (String delta : deltas) {
      Object viaTree = parse(PARTS);
      JsonDiffPatch.apply(viaTree, parse(delta), "parts");
      Object read = parse(PARTS);
      DeltaReader reader = new DeltaReader();
      reader.read(json(delta), read);
      assertThat(write(read)).as("before commit: " + delta).isEqualTo(write(parse(PARTS)));
      reader.commit();
      assertThat(write(read)).as(delta).isEqualTo(write(viaTree));
    }
  }

  @Test void aRolledBackDeltaChangesNothing() throws Exception {
    Object parts = parse(PARTS);
    DeltaReader reader = new DeltaReader();
    reader.read(json("{'0':{'text':['Hi']},'1':{'meta':{'m':['x',0,0]}},'_t':'a'}"), parts);
    reader.rollback();
    reader.commit();

    assertThat(write(parts)).isEqualTo(write(parse(PARTS)));
    assertThat(reader.changedCount()).isZero();
  }

  @Test void reportsWhichItemsChangedAndTheirOneChangedName() throws Exception {
    Object parts = parse(PARTS);
    DeltaReader reader = new DeltaReader();
    reader.read(json("{'0':{'text':['Hi']},'1':{'output':['a','b'],'command':['ls','pwd']},"
        + "'_t':'a'}"), parts);

    assertThat(reader.changedCount()).isEqualTo(2);
    assertThat(reader.changedItem(0)).isEqualTo(0);
    assertThat(reader.changedName(0)).isEqualTo("text");
    assertThat(reader.changedItem(1)).isEqualTo(1);
    assertThat(reader.changedName(1)).isNull();
  }

  @Test void leavesOtherShapesToJsonDiffPatchChangingNothing() {
    String[] deltas = {
        "{'1':[{'type':'text','text':'new'}],'_t':'a'}", // An insert before the end.
        "{'3':[{'type':'text','text':'new'}],'_t':'a'}", // Past the end.
        "{'2':[{'type':'text'}],'3':{'type':['x']},'_t':'a'}", // Changing what it appends.
        "{'2':['old','new'],'_t':'a'}", "{'2':[],'_t':'a'}",
        "{'2':[{'a':1,'a':2}],'_t':'a'}",
        "{'0':{'text':['Hi']},'_1':['',0,0],'_t':'a'}", // A removal, after a change.
        "{'0':{'text':['Hi']},'_1':['',0,3],'_t':'a'}", // A move.
        "{'0':{'text':['Hi']}}", // No "_t": an object delta on an array.
        "{'0':{'text':['Hi']},'_t':'b'}",
        "{'1':{'output':['a','b']},'0':{'text':['Hi']},'_t':'a'}", // Descending.
        "{'01':{'text':['Hi']},'_t':'a'}", "{'5':{'text':['Hi']},'_t':'a'}",
        "{'0':{'text':['@@ -1,5 +1,11 @@\\n Howdy\\n+%20world\\n',0,2]},'_t':'a'}", // No match.
        "{'0':{'text':['Hi'],'text':['Ho']},'_t':'a'}", // A repeated name.
        "{'1':{'meta':{'_t':'a'}},'_t':'a'}", "{'0':{'text':'Hi'},'_t':'a'}",
        "{'0':{'text':['Hi']},'_t':'a'", // Malformed.
    };
    for (String delta : deltas) {
      Object parts = parse(PARTS);
      DeltaReader reader = new DeltaReader();
      assertThatThrownBy(() -> reader.read(json(delta), parts)).as(delta)
          .isInstanceOf(Unsupported.class);
      reader.commit(); // Nothing was planned.
      assertThat(write(parts)).as(delta).isEqualTo(write(parse(PARTS)));
    }
  }

  private static ByteArrayJsonReader json(String delta) {
    byte[] bytes = delta.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    ByteArrayJsonReader reader = new ByteArrayJsonReader();
    reader.reset(bytes, 0, bytes.length);
    return reader;
  }
}
