using System;

namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>
/// A node of the decoding schedule: the subtree of 2^Stage leaves starting at FirstLeaf, decoded in one step (fast-SSC style
/// special nodes: Alamdar-Yazdi and Kschischang 2011; Hashemi, Condo and Gross 2017 for the list metrics).
/// </summary>
internal readonly record struct PolarNode(byte Stage, short FirstLeaf, PolarNodeType Type)
{
    /// <summary>
    /// Splits the tree of <paramref name="kinds"/> (length N) into nodes in decoding order: a subtree becomes one node when it is
    /// rate-0, rate-1 or single-parity-check (if <paramref name="allowRate1"/>) or a repetition code, else it is split in halves down to single
    /// leaves. With <paramref name="useNodes"/> false every leaf is its own node. Returns the node count.
    /// </summary>
    /// <param name="kinds">The kind of each u_n.</param>
    /// <param name="allowRate1">Whether rate-1 nodes may be used (codes without parity-check bits).</param>
    /// <param name="useNodes">Whether special nodes may be used at all.</param>
    /// <param name="destination">Receives the nodes (capacity 2N is enough).</param>
    /// <param name="counts">Scratch of at least 3N + 3 ints (prefix counts).</param>
    public static int BuildSchedule(ReadOnlySpan<PolarBitKind> kinds, bool allowRate1, bool useNodes, Span<PolarNode> destination, Span<int> counts)
    {
        int n = kinds.Length;
        int stages = System.Numerics.BitOperations.Log2((uint)n);
        Span<int> frozen = counts[..(n + 1)];
        Span<int> information = counts.Slice(n + 1, n + 1);
        frozen[0] = 0;
        information[0] = 0;
        for (int i = 0; i < n; i++)
        {
            frozen[i + 1] = frozen[i] + (kinds[i] == PolarBitKind.Frozen ? 1 : 0);
            information[i + 1] = information[i] + (kinds[i] == PolarBitKind.Information ? 1 : 0);
        }

        int count = 0;
        if (stages == 0)
        {
            destination[count++] = new PolarNode(0, 0, PolarNodeType.Leaf);
            return count;
        }

        Add(stages - 1, 0, kinds, frozen, information, allowRate1, useNodes, destination, ref count);
        Add(stages - 1, n / 2, kinds, frozen, information, allowRate1, useNodes, destination, ref count);
        return count;
    }

    private static void Add(int stage, int first, ReadOnlySpan<PolarBitKind> kinds, ReadOnlySpan<int> frozen, ReadOnlySpan<int> information, bool allowRate1, bool useNodes, Span<PolarNode> destination, ref int count)
    {
        int size = 1 << stage;
        if (stage == 0)
        {
            destination[count++] = new PolarNode(0, (short)first, PolarNodeType.Leaf);
            return;
        }

        int frozenCount = frozen[first + size] - frozen[first];
        int informationCount = information[first + size] - information[first];
        if (useNodes)
        {
            if (frozenCount == size)
            {
                destination[count++] = new PolarNode((byte)stage, (short)first, PolarNodeType.Rate0);
                return;
            }

            if (allowRate1 && informationCount == size)
            {
                destination[count++] = new PolarNode((byte)stage, (short)first, PolarNodeType.Rate1);
                return;
            }

            if (allowRate1 && size >= 4 && frozenCount == 1 && informationCount == size - 1 && kinds[first] == PolarBitKind.Frozen)
            {
                destination[count++] = new PolarNode((byte)stage, (short)first, PolarNodeType.SingleParityCheck);
                return;
            }

            if (frozenCount == size - 1 && kinds[first + size - 1] == PolarBitKind.Information)
            {
                destination[count++] = new PolarNode((byte)stage, (short)first, PolarNodeType.Repetition);
                return;
            }
        }

        Add(stage - 1, first, kinds, frozen, information, allowRate1, useNodes, destination, ref count);
        Add(stage - 1, first + size / 2, kinds, frozen, information, allowRate1, useNodes, destination, ref count);
    }
}
