using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Common;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>The outcome of decoding one PBCH.</summary>
/// <param name="CrcPassed">Whether the BCH CRC checked.</param>
/// <param name="Mib">The MIB (full SFN and k_SSB) when the CRC passed and the message is an MIB.</param>
/// <param name="HalfFrame">The half-frame bit from the payload.</param>
/// <param name="SsbIndex">The SS/PBCH block index: ī_SSB mod L_max for L_max ≤ 8 (its DM-RS hypothesis), plus the payload bits 5..3 for L_max = 64.</param>
/// <param name="IBarSsb">The detected DM-RS hypothesis ī_SSB (0..7).</param>
/// <param name="DmrsMetric">Normalized DM-RS correlation of the chosen hypothesis, 0..1 (1 = noiseless, flat channel).</param>
/// <param name="NoiseVariance">The estimated noise variance per RE.</param>
/// <param name="PathMetric">The polar decoder's path metric.</param>
public readonly record struct PbchReceiveResult(bool CrcPassed, Mib? Mib, int HalfFrame, int SsbIndex, int IBarSsb, float DmrsMetric, float NoiseVariance, float PathMetric);

/// <summary>
/// Decodes the PBCH of one SS/PBCH block from a resource grid: ī_SSB detection by DM-RS correlation over the 8
/// hypotheses (TS 38.211 §7.4.1.4.1; for L_max = 4 they cover the 4 block indices × 2 half frames), least-squares
/// channel estimation averaged per resource block and symbol, matched-filter QPSK LLRs, PBCH descrambling with the
/// detected v (§7.3.3.1), BCH decoding (CRC-aided SCL, TS 38.212 §7.1) and MIB parsing. One instance per worker;
/// decoding allocates nothing.
/// </summary>
public sealed class PbchReceiver
{
    private const int DmrsPerRb = 3;
    private readonly BchCodec _bch;
    private readonly PseudoRandomSequence _sequence = new();
    private readonly ComplexF32[] _dmrsReceived = new ComplexF32[SsbResourceMap.DmrsSymbolCount];
    private readonly ComplexF32[] _dmrsReference = new ComplexF32[SsbResourceMap.DmrsSymbolCount];
    private readonly ComplexF32[] _pbchReceived = new ComplexF32[SsbResourceMap.PbchSymbolCount];
    private readonly ComplexF32[] _pbchChannel = new ComplexF32[SsbResourceMap.PbchSymbolCount];
    private readonly ComplexF32[] _rbChannel = new ComplexF32[SsbResourceMap.SymbolCount * 20];
    private readonly float[] _llrs = new float[BchCodec.E];
    private readonly ComplexF32[] _hypotheses = new ComplexF32[8 * SsbResourceMap.DmrsSymbolCount];
    private int _hypothesesCell = -1;

    /// <summary>Creates the receiver with a BCH decoder of list size <paramref name="listSize"/> (default 8).</summary>
    public PbchReceiver(int listSize = 8) => _bch = new BchCodec(listSize);

    /// <summary>Decodes the block at (<paramref name="firstSymbol"/>, <paramref name="firstSubcarrier"/>) of the grid.</summary>
    /// <param name="grid">The received grid at the SSB numerology.</param>
    /// <param name="port">Receive port.</param>
    /// <param name="firstSymbol">First symbol of the block.</param>
    /// <param name="firstSubcarrier">Grid subcarrier of block subcarrier 0.</param>
    /// <param name="nIdCell">N_ID^cell (from PSS/SSS detection).</param>
    /// <param name="lMax">L_max.</param>
    public PbchReceiveResult Receive(ResourceGrid grid, int port, int firstSymbol, int firstSubcarrier, int nIdCell, int lMax)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ThrowHelper.ThrowIfOutside(firstSymbol, 0, grid.SymbolCount - SsbResourceMap.SymbolCount);
        ThrowHelper.ThrowIfOutside(firstSubcarrier, 0, grid.SubcarrierCount - SsbResourceMap.SubcarrierCount);
        ThrowHelper.ThrowIfOutside(nIdCell, 0, 1007);
        Gather(grid, port, firstSymbol, firstSubcarrier, SsbResourceMap.DmrsPositions(nIdCell), _dmrsReceived);
        Gather(grid, port, firstSymbol, firstSubcarrier, SsbResourceMap.PbchPositions(nIdCell), _pbchReceived);

        // ī_SSB: the hypothesis with the largest per-RB coherent DM-RS energy.
        float energy = TensorPrimitives.SumOfSquares(MemoryMarshal.Cast<ComplexF32, float>(_dmrsReceived.AsSpan()));
        (int best, float bestMetric) = DetectIBar(nIdCell);
        _hypotheses.AsSpan(best * SsbResourceMap.DmrsSymbolCount, SsbResourceMap.DmrsSymbolCount).CopyTo(_dmrsReference);
        float noiseVariance = EstimateChannel(nIdCell);
        ReadOnlySpan<short> pbchPositions = SsbResourceMap.PbchPositions(nIdCell);
        for (int i = 0; i < pbchPositions.Length; i++)
        {
            _pbchChannel[i] = _rbChannel[RbSlot(pbchPositions[i])];
        }

        QpskLlr.Demap(_pbchReceived, _pbchChannel, noiseVariance, _llrs);
        int v = lMax == 4 ? best & 3 : best & 7;
        _sequence.Initialize((uint)nIdCell);
        _sequence.Advance(v * BchCodec.E);
        QpskLlr.Descramble(_sequence, _llrs);
        BchDecodeResult bch = _bch.Decode(_llrs, lMax, nIdCell);
        int ssbIndex = lMax == 4 ? best & 3 : (lMax == 8 ? best : (bch.BlockIndexMsbs << 3) | best);
        float dmrsMetric = energy > 0 ? bestMetric / (energy * DmrsPerRb) : 0f;
        return new PbchReceiveResult(bch.CrcPassed && bch.Mib is not null, bch.Mib, bch.HalfFrame, ssbIndex, best, dmrsMetric, noiseVariance, bch.PathMetric);
    }

    /// <summary>
    /// ī_SSB detection (TS 38.211 §7.4.1.4.1): the DM-RS hypothesis with the largest per-RB coherent energy Σ_RB |Σ y·r*|².
    /// Kept out of <see cref="Receive"/> so that its inner loops are compiled on their own (inlined complex arithmetic)
    /// whatever the caller's inlining budget.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private (int Best, float Metric) DetectIBar(int nIdCell)
    {
        if (_hypothesesCell != nIdCell)
        {
            // The 8 DM-RS sequences depend only on N_ID^cell: generated once per cell.
            for (int iBar = 0; iBar < 8; iBar++)
            {
                PbchDmrs.Generate(iBar, nIdCell, _sequence, _hypotheses.AsSpan(iBar * SsbResourceMap.DmrsSymbolCount, SsbResourceMap.DmrsSymbolCount));
            }

            _hypothesesCell = nIdCell;
        }

        ReadOnlySpan<ComplexF32> received = _dmrsReceived;
        int best = 0;
        float bestMetric = -1;
        for (int iBar = 0; iBar < 8; iBar++)
        {
            ReadOnlySpan<ComplexF32> reference = _hypotheses.AsSpan(iBar * SsbResourceMap.DmrsSymbolCount, SsbResourceMap.DmrsSymbolCount);
            float metric = 0;
            for (int group = 0; group < SsbResourceMap.DmrsSymbolCount; group += DmrsPerRb)
            {
                ComplexF32 sum = default;
                for (int m = group; m < group + DmrsPerRb; m++)
                {
                    sum += ComplexF32.MultiplyConjugate(received[m], reference[m]);
                }

                metric += sum.MagnitudeSquared;
            }

            if (metric > bestMetric)
            {
                bestMetric = metric;
                best = iBar;
            }
        }

        return (best, bestMetric);
    }

    /// <summary>Per (symbol, RB) average of the LS estimates y·r*; returns the residual-based noise variance per RE.</summary>
    private float EstimateChannel(int nIdCell)
    {
        ReadOnlySpan<short> positions = SsbResourceMap.DmrsPositions(nIdCell);
        float residual = 0;
        float power = 0;
        int groups = 0;
        for (int group = 0; group < positions.Length; group += DmrsPerRb)
        {
            ComplexF32 mean = default;
            for (int m = group; m < group + DmrsPerRb; m++)
            {
                mean += ComplexF32.MultiplyConjugate(_dmrsReceived[m], _dmrsReference[m]);
            }

            mean /= DmrsPerRb;
            for (int m = group; m < group + DmrsPerRb; m++)
            {
                residual += (ComplexF32.MultiplyConjugate(_dmrsReceived[m], _dmrsReference[m]) - mean).MagnitudeSquared;
            }

            _rbChannel[RbSlot(positions[group])] = mean;
            power += mean.MagnitudeSquared;
            groups++;
        }

        // Each group of 3 loses one degree of freedom to its mean.
        float noise = residual / (groups * (DmrsPerRb - 1));
        float floor = 1e-4f * (power / groups) + 1e-12f;
        return MathF.Max(noise, floor);
    }

    private static int RbSlot(int position) => ((position / SsbResourceMap.SubcarrierCount) * 20) + ((position % SsbResourceMap.SubcarrierCount) / 12);

    private static void Gather(ResourceGrid grid, int port, int firstSymbol, int firstSubcarrier, ReadOnlySpan<short> positions, Span<ComplexF32> destination)
    {
        // Positions are ordered by symbol: fetch each symbol's block span once.
        int currentSymbol = -1;
        ReadOnlySpan<ComplexF32> block = default;
        for (int i = 0; i < positions.Length; i++)
        {
            int l = positions[i] / SsbResourceMap.SubcarrierCount;
            if (l != currentSymbol)
            {
                block = grid.Symbol(port, firstSymbol + l).Slice(firstSubcarrier, SsbResourceMap.SubcarrierCount);
                currentSymbol = l;
            }

            destination[i] = block[positions[i] - (l * SsbResourceMap.SubcarrierCount)];
        }
    }
}
