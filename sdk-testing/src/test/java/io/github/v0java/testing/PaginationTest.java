package io.github.v0java.testing;

import static io.github.v0java.testing.Http.array;
import static io.github.v0java.testing.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaginationTest extends FakeServerTest {

  private static List<String> ids(List<Object> messages) {
    List<String> ids = new ArrayList<>();
    for (Object message : messages) ids.add((String) map(message).get("id"));
    return ids;
  }

  @Test void v2PagesFollowLimitAndCursor() {
    fake.messageHistory(25);

    List<String> cursors = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    List<String> all = new ArrayList<>();
    String cursor = null;
    do {
      Http.Reply page = http.get(CHAT + "/messages?limit=10" + (cursor == null ? "" : "&cursor=" + cursor));
      Schemas.assertValid("v2/MessageListResponse", page.body);
      List<Object> messages = array(page.json().get("messages"));
      sizes.add(messages.size());
      all.addAll(ids(messages));
      cursor = (String) page.json().get("cursor");
      cursors.add(cursor);
    } while (cursor != null);

    assertThat(sizes).containsExactly(10, 10, 5);
    assertThat(cursors).hasSize(3).last().isNull();
    assertThat(cursors.get(0)).isNotNull().isNotEqualTo(cursors.get(1));
    assertThat(all).hasSize(25).doesNotHaveDuplicates();
    assertThat(all.get(0)).isEqualTo("msg_h025"); // newest first
    assertThat(all.get(24)).isEqualTo("msg_h001");
    assertThat(fake.requests(Operation.LIST_MESSAGES)).extracting(r -> r.queryParameter("cursor").isPresent())
        .containsExactly(false, true, true);
  }

  @Test void withoutLimitAPageHoldsTwenty() {
    fake.messageHistory(21);

    Map<String, Object> first = http.get(CHAT + "/messages").json();

    assertThat(array(first.get("messages"))).hasSize(20);
    Map<String, Object> second = http.get(CHAT + "/messages?cursor=" + first.get("cursor")).json();
    assertThat(ids(array(second.get("messages")))).containsExactly("msg_h001");
    assertThat(second.get("cursor")).isNull();
  }

  @Test void fixedPagesIgnoreTheLimit() {
    fake.messagePages(4, 3);

    int pages = 0;
    String cursor = null;
    do {
      Map<String, Object> page = http.get(CHAT + "/messages?limit=50" + (cursor == null ? "" : "&cursor=" + cursor))
          .json();
      assertThat(array(page.get("messages"))).hasSize(3);
      cursor = (String) page.get("cursor");
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(4);
  }

  @Test void anEmptyHistoryIsOneEmptyPage() {
    fake.messageHistory(0);

    Map<String, Object> page = http.get(CHAT + "/messages").json();

    assertThat(array(page.get("messages"))).isEmpty();
    assertThat(page.get("cursor")).isNull();
  }

  @Test void v1PagesUseHasMoreAndNextCursor() {
    fake.messageHistory(5);

    Map<String, Object> first = http.get(V1_CHAT + "/messages?limit=2").json();
    Map<String, Object> pagination = map(first.get("pagination"));
    assertThat(pagination).containsEntry("hasMore", true).containsKey("nextCursor");
    assertThat((String) pagination.get("nextUrl")).startsWith(fake.v1BaseUrl() + "/chats/" + FakeV0Server.CHAT_ID);

    List<String> all = new ArrayList<>(ids(array(first.get("data"))));
    String cursor = (String) pagination.get("nextCursor");
    while (cursor != null) {
      Http.Reply reply = http.get(V1_CHAT + "/messages?limit=2&cursor=" + cursor);
      Schemas.assertValid("v1/MessageSummaryList", reply.body);
      all.addAll(ids(array(reply.json().get("data"))));
      Map<String, Object> p = map(reply.json().get("pagination"));
      cursor = (String) p.get("nextCursor");
      assertThat(p.get("hasMore")).isEqualTo(cursor != null);
    }
    assertThat(all).containsExactly("msg_h005", "msg_h004", "msg_h003", "msg_h002", "msg_h001");
  }

  @Test void aBadCursorOrLimitIs422() {
    Http.Reply cursor = http.get(CHAT + "/messages?cursor=nonsense");
    Http.Reply limit = http.get(CHAT + "/messages?limit=101");
    Http.Reply v1Limit = http.get(V1_CHAT + "/messages?limit=0");

    assertThat(cursor.status).isEqualTo(422);
    assertThat(limit.status).isEqualTo(422);
    Schemas.assertValid("v2/Error", limit.body);
    assertThat(v1Limit.status).isEqualTo(422);
    Schemas.assertValid("v1/UnprocessableEntityError", v1Limit.body);
    assertThat(http.get(V1_CHAT + "/messages?limit=150").status).isEqualTo(200);
  }
}
