package io.github.v0java;

import io.github.v0java.model.MessagePart;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of parts that shares structure with the list it was derived from: parts are
 * held in blocks of 32, and a new state copies only the blocks a chunk touched plus the block
 * index. Publishing a state after a chunk thus costs the chunk's changes, not the length of the
 * message (a message with thousands of parts would otherwise be copied on every chunk).
 */
final class PartList extends AbstractList<MessagePart> implements RandomAccess {
  private static final int SHIFT = 5;
  private static final int BLOCK = 1 << SHIFT;
  static final PartList EMPTY = new PartList(new MessagePart[0][], 0);

  private final MessagePart[][] blocks;
  private final int size;

  private PartList(MessagePart[][] blocks, int size) {
    this.blocks = blocks;
    this.size = size;
  }

  static PartList copyOf(List<MessagePart> parts) {
    return EMPTY.with(parts, allIndexes(parts.size()), parts.size());
  }

  private static int[] allIndexes(int size) {
    int[] indexes = new int[size];
    for (int i = 0; i < size; i++) indexes[i] = i;
    return indexes;
  }

  /**
   * This list resized to {@code current.size()}, with the parts at the first {@code count} of
   * {@code changed} indexes taken from {@code current}. Every index at or past this list's size
   * must be among them.
   */
  PartList with(List<MessagePart> current, int[] changed, int count) {
    int newSize = current.size();
    int blockCount = (newSize + BLOCK - 1) >>> SHIFT;
    MessagePart[][] newBlocks = new MessagePart[blockCount][];
    System.arraycopy(blocks, 0, newBlocks, 0, Math.min(blocks.length, blockCount));
    for (int i = 0; i < count; i++) {
      int index = changed[i];
      if (index >= newSize) continue;
      int block = index >>> SHIFT;
      // A block still shared with this list (or missing) is copied before its first change.
      MessagePart[] shared = block < blocks.length ? blocks[block] : null;
      if (newBlocks[block] == shared) {
        newBlocks[block] = shared == null ? new MessagePart[BLOCK] : shared.clone();
      }
      newBlocks[block][index & (BLOCK - 1)] = current.get(index);
    }
    return new PartList(newBlocks, newSize);
  }

  @Override public MessagePart get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + size);
    }
    return blocks[index >>> SHIFT][index & (BLOCK - 1)];
  }

  @Override public int size() {
    return size;
  }
}
