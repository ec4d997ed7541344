using System;
using System.Collections.Generic;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>
/// Data and control multiplexing of one PUSCH configuration (TS 38.212 §6.2.7, without frequency hopping): which coded
/// bits of the G-bit codeword carry UL-SCH, HARQ-ACK, CSI part 1, CSI part 2 or nothing, as runs in codeword order.
/// Built once per configuration; <see cref="Multiplex{T}"/> and <see cref="Demultiplex{T}"/> then copy runs and allocate nothing.
/// </summary>
/// <remarks>
/// The steps of §6.2.7 over the data resource elements Φ_l^UL-SCH of each symbol (Φ_l^UCI = Φ_l^UL-SCH on symbols without
/// DM-RS, empty on DM-RS symbols): (1) for a HARQ-ACK of 0..2 bits, G^ACK,rvd reserved elements from l^(1) on; (2) a longer
/// HARQ-ACK from l^(1) on; (3) CSI part 1 from l_CSI on, avoiding the reserved elements, then CSI part 2 from l_CSI on, which
/// may use them; (4) UL-SCH on every element left, reserved ones included; (5) a HARQ-ACK of up to 2 bits overwrites the
/// first of the reserved elements. In each symbol a field takes every element when its remaining bits fill the symbol,
/// else every d-th element with d = ⌊M̄·N_L·Q_m / remaining⌋ for ⌈remaining/(N_L·Q_m)⌉ elements. Each field's bits appear in
/// the codeword in its own order, so a run table is the whole mapping.
/// </remarks>
public sealed class PuschUciMultiplexingPlan
{
    private readonly PuschCodewordRun[] _runs;

    /// <summary>Builds the plan.</summary>
    /// <param name="uci">The UCI configuration.</param>
    /// <param name="layout">The PUSCH layout.</param>
    /// <param name="layerCount">N_L.</param>
    /// <param name="bitsPerSymbol">Q_m.</param>
    /// <param name="lengths">The rate-matched lengths (<see cref="PuschUciLengths.Compute"/>).</param>
    /// <exception cref="ArgumentException">The fields do not fit the resource elements.</exception>
    public PuschUciMultiplexingPlan(PuschUciConfiguration uci, SharedChannelLayout layout, int layerCount, int bitsPerSymbol, PuschUciLengths lengths)
    {
        ArgumentNullException.ThrowIfNull(uci);
        ArgumentNullException.ThrowIfNull(layout);
        Lengths = lengths;
        BitsPerResourceElement = layerCount * bitsPerSymbol;
        int unit = BitsPerResourceElement;
        int first = layout.StartSymbol, end = layout.StartSymbol + layout.SymbolCount;
        var ulsch = new List<int>[end];
        var uciAvailable = new List<int>[end];
        var reserved = new List<int>[end];
        var field = new PuschCodewordField[end][];
        var punctured = new PuschCodewordField[end][];
        for (int l = 0; l < end; l++)
        {
            int m = 0;
            foreach (DataRun run in layout.DataRuns(l))
            {
                m += run.Length;
            }

            ulsch[l] = [.. System.Linq.Enumerable.Range(0, m)];
            uciAvailable[l] = PuschUciLengths.UciResourceElementCount(layout, l) > 0 ? [.. ulsch[l]] : [];
            reserved[l] = [];
            field[l] = new PuschCodewordField[m];
            punctured[l] = new PuschCodewordField[m];
        }

        int l1 = PuschUciLengths.HarqAckStartSymbol(layout);
        int lCsi = PuschUciLengths.CsiStartSymbol(layout);
        bool smallAck = uci.HarqAckBitCount <= 2;

        void Take(int l, List<int> chosen, PuschCodewordField f)
        {
            var set = new HashSet<int>(chosen);
            foreach (int k in chosen)
            {
                field[l][k] = f;
            }

            uciAvailable[l].RemoveAll(set.Contains);
            ulsch[l].RemoveAll(set.Contains);
        }

        // Step 1: reserved elements for a HARQ-ACK of 0, 1 or 2 bits.
        if (smallAck)
        {
            Fill(lengths.HarqAckReserved, l1, end, unit, l => uciAvailable[l], (l, chosen) => reserved[l].AddRange(chosen), "reserved HARQ-ACK");
        }
        else
        {
            // Step 2: a HARQ-ACK of more than 2 bits.
            Fill(lengths.HarqAck, l1, end, unit, l => uciAvailable[l], (l, chosen) => Take(l, chosen, PuschCodewordField.HarqAck), "HARQ-ACK");
        }

        // Step 3: CSI part 1 avoids the reserved elements; CSI part 2 may use them.
        List<int> WithoutReserved(int l)
        {
            if (reserved[l].Count == 0)
            {
                return uciAvailable[l];
            }

            var set = new HashSet<int>(reserved[l]);
            return uciAvailable[l].FindAll(k => !set.Contains(k));
        }

        if (lengths.CsiPart1 > 0)
        {
            int l = lCsi;
            while (l < end && WithoutReserved(l).Count == 0)
            {
                l++;
            }

            Fill(lengths.CsiPart1, l, end, unit, WithoutReserved, (s, chosen) => Take(s, chosen, PuschCodewordField.CsiPart1), "CSI part 1");
        }

        if (lengths.CsiPart2 > 0)
        {
            int l = lCsi;
            while (l < end && uciAvailable[l].Count == 0)
            {
                l++;
            }

            Fill(lengths.CsiPart2, l, end, unit, s => uciAvailable[s], (s, chosen) => Take(s, chosen, PuschCodewordField.CsiPart2), "CSI part 2");
        }

        // Step 4: UL-SCH on every element left.
        if (uci.UlschPresent)
        {
            for (int l = first; l < end; l++)
            {
                foreach (int k in ulsch[l])
                {
                    field[l][k] = PuschCodewordField.Ulsch;
                }
            }
        }

        // Step 5: a HARQ-ACK of up to 2 bits overwrites reserved elements.
        if (smallAck && lengths.HarqAck > 0)
        {
            Fill(lengths.HarqAck, l1, end, unit, l => reserved[l], (l, chosen) =>
            {
                foreach (int k in chosen)
                {
                    punctured[l][k] = field[l][k];
                    field[l][k] = PuschCodewordField.HarqAck;
                }
            }, "HARQ-ACK");
        }

        // Step 6: read out in symbol, element order as runs.
        var runs = new List<PuschCodewordRun>();
        for (int l = first; l < end; l++)
        {
            for (int k = 0; k < field[l].Length; k++)
            {
                PuschCodewordField f = field[l][k], p = punctured[l][k];
                if (runs.Count > 0 && runs[^1].Field == f && runs[^1].Punctured == p)
                {
                    runs[^1] = runs[^1] with { BitCount = runs[^1].BitCount + unit };
                }
                else
                {
                    runs.Add(new PuschCodewordRun(f, p, unit));
                }
            }
        }

        _runs = [.. runs];
        CodewordLength = layout.DataResourceElementCount * unit;
    }

    /// <summary>The rate-matched lengths.</summary>
    public PuschUciLengths Lengths { get; }

    /// <summary>N_L·Q_m, the coded bits of one resource element.</summary>
    public int BitsPerResourceElement { get; }

    /// <summary>G, the codeword length.</summary>
    public int CodewordLength { get; }

    /// <summary>The runs in codeword order.</summary>
    public ReadOnlySpan<PuschCodewordRun> Runs => _runs;

    /// <summary>
    /// Writes the codeword g from the coded fields (TS 38.212 §6.2.7): each run copies the next bits of its field; a run
    /// that punctures another field skips as many of that field's bits; an empty run writes default values (0).
    /// </summary>
    /// <param name="ulsch">G^UL-SCH coded UL-SCH values (empty without UL-SCH).</param>
    /// <param name="harqAck">G^ACK coded HARQ-ACK values.</param>
    /// <param name="csiPart1">G^CSI-part1 values.</param>
    /// <param name="csiPart2">G^CSI-part2 values.</param>
    /// <param name="codeword">Receives the G values.</param>
    public void Multiplex<T>(ReadOnlySpan<T> ulsch, ReadOnlySpan<T> harqAck, ReadOnlySpan<T> csiPart1, ReadOnlySpan<T> csiPart2, Span<T> codeword)
        where T : unmanaged
    {
        CheckLengths(ulsch.Length, harqAck.Length, csiPart1.Length, csiPart2.Length, codeword.Length);
        Span<int> cursors = stackalloc int[5];
        cursors.Clear();
        int n = 0;
        foreach (PuschCodewordRun run in _runs)
        {
            Span<T> destination = codeword.Slice(n, run.BitCount);
            ref int cursor = ref cursors[(int)run.Field];
            switch (run.Field)
            {
                case PuschCodewordField.Ulsch: ulsch.Slice(cursor, run.BitCount).CopyTo(destination); break;
                case PuschCodewordField.HarqAck: harqAck.Slice(cursor, run.BitCount).CopyTo(destination); break;
                case PuschCodewordField.CsiPart1: csiPart1.Slice(cursor, run.BitCount).CopyTo(destination); break;
                case PuschCodewordField.CsiPart2: csiPart2.Slice(cursor, run.BitCount).CopyTo(destination); break;
                default: destination.Clear(); break;
            }

            cursor += run.BitCount;
            cursors[(int)run.Punctured] += run.BitCount;
            n += run.BitCount;
        }
    }

    /// <summary>
    /// Splits codeword values (LLRs) into the fields, the inverse of <see cref="Multiplex{T}"/>: the values of a field
    /// punctured by the HARQ-ACK are set to default (0, an erasure); empty runs are dropped.
    /// </summary>
    public void Demultiplex<T>(ReadOnlySpan<T> codeword, Span<T> ulsch, Span<T> harqAck, Span<T> csiPart1, Span<T> csiPart2)
        where T : unmanaged
    {
        CheckLengths(ulsch.Length, harqAck.Length, csiPart1.Length, csiPart2.Length, codeword.Length);
        Span<int> cursors = stackalloc int[5];
        cursors.Clear();
        int n = 0;
        foreach (PuschCodewordRun run in _runs)
        {
            ReadOnlySpan<T> source = codeword.Slice(n, run.BitCount);
            ref int cursor = ref cursors[(int)run.Field];
            switch (run.Field)
            {
                case PuschCodewordField.Ulsch: source.CopyTo(ulsch.Slice(cursor, run.BitCount)); break;
                case PuschCodewordField.HarqAck: source.CopyTo(harqAck.Slice(cursor, run.BitCount)); break;
                case PuschCodewordField.CsiPart1: source.CopyTo(csiPart1.Slice(cursor, run.BitCount)); break;
                case PuschCodewordField.CsiPart2: source.CopyTo(csiPart2.Slice(cursor, run.BitCount)); break;
                default: break;
            }

            cursor += run.BitCount;
            ref int skipped = ref cursors[(int)run.Punctured];
            switch (run.Punctured)
            {
                case PuschCodewordField.Ulsch: ulsch.Slice(skipped, run.BitCount).Clear(); break;
                case PuschCodewordField.CsiPart2: csiPart2.Slice(skipped, run.BitCount).Clear(); break;
                default: break;
            }

            skipped += run.BitCount;
            n += run.BitCount;
        }
    }

    private void CheckLengths(int ulsch, int harqAck, int csiPart1, int csiPart2, int codeword)
    {
        ThrowHelper.ThrowIfLengthDiffers(ulsch, Lengths.Ulsch, "ulsch");
        ThrowHelper.ThrowIfLengthDiffers(harqAck, Lengths.HarqAck, "harqAck");
        ThrowHelper.ThrowIfLengthDiffers(csiPart1, Lengths.CsiPart1, "csiPart1");
        ThrowHelper.ThrowIfLengthDiffers(csiPart2, Lengths.CsiPart2, "csiPart2");
        ThrowHelper.ThrowIfLengthDiffers(codeword, CodewordLength, "codeword");
    }

    /// <summary>Gives <paramref name="bits"/> coded bits element by element from symbol <paramref name="start"/> on (TS 38.212 §6.2.7 steps 1–3, 5).</summary>
    private static void Fill(int bits, int start, int end, int unit, Func<int, List<int>> available, Action<int, List<int>> take, string what)
    {
        int count = 0;
        int l = start;
        while (count < bits)
        {
            if (l >= end)
            {
                throw new ArgumentException($"the {what} ({bits} coded bits) does not fit the PUSCH resource elements from symbol {start} on (TS 38.212 §6.2.7).");
            }

            List<int> elements = available(l);
            if (elements.Count > 0)
            {
                int remaining = bits - count;
                int d = 1, taken = elements.Count;
                if (remaining < elements.Count * unit)
                {
                    d = elements.Count * unit / remaining;
                    taken = (remaining + unit - 1) / unit;
                }

                var chosen = new List<int>(taken);
                for (int j = 0; j < taken; j++)
                {
                    chosen.Add(elements[j * d]);
                }

                take(l, chosen);
                count += taken * unit;
            }

            l++;
        }
    }
}
