using System;
using System.Collections.Generic;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>
/// Where the SS/PBCH blocks of a burst fall on a carrier (TS 38.211 §7.4.3.1, TS 38.213 §4.1): in frequency, block subcarrier
/// 0 at <see cref="DownlinkSsbBurst.FirstSubcarrierOffsetHz"/> above point A, either on the carrier grid (same subcarrier
/// spacing, whole subcarrier) or on an OFDM modulator of its own (own numerology at the carrier's sample rate, shifted by a
/// whole or half number of its subcarriers from DC), with the carrier resource blocks it overlaps; in time, each
/// candidate block of each half frame with its carrier slot and the carrier symbols it overlaps.
/// </summary>
internal sealed class SsbPlacement
{
    private readonly List<Block>[] _bySlot;

    public SsbPlacement(DownlinkSsbBurst burst, DownlinkCarrier carrier, OfdmTiming carrierTiming)
    {
        Burst = burst;
        int scsSsb = burst.SubcarrierSpacingKhz;
        int scsCarrier = carrier.SubcarrierSpacingKhz;
        long fftTimesScs = (long)carrierTiming.FftSize * scsCarrier;
        if (fftTimesScs % scsSsb != 0)
        {
            throw new ArgumentException($"the {scsSsb} kHz SS/PBCH block needs an FFT size of {fftTimesScs / (double)scsSsb} at {carrierTiming.SampleRateHz / 1e6} Msps; choose a sample rate that is a multiple of 128·{scsSsb} kHz");
        }

        var numerology = Numerology.FromSubcarrierSpacingKhz(scsSsb);
        Timing = new OfdmTiming(numerology, CyclicPrefix.Normal, (int)(fftTimesScs / scsSsb));

        // Frequency, in subcarriers of the block's spacing, of block subcarrier 0 above carrier subcarrier 0.
        double f0 = burst.FirstSubcarrierOffsetHz;
        double gridStartHz = 12.0 * carrier.NStartGrid * scsCarrier * 1e3;
        double carrierTopHz = gridStartHz + ((carrier.SubcarrierCount - 1) * scsCarrier * 1e3);
        if (f0 < gridStartHz || f0 + (239.0 * scsSsb * 1e3) > carrierTopHz + 1)
        {
            throw new ArgumentException($"the SS/PBCH block ({f0 / 1e6:F4}..{(f0 + (239.0 * scsSsb * 1e3)) / 1e6:F4} MHz above point A) lies outside the carrier ({gridStartHz / 1e6:F4}..{carrierTopHz / 1e6:F4} MHz); check NCrbSsb, KSsb and NStartGrid");
        }

        double position = (f0 - gridStartHz) / (scsSsb * 1e3);
        OnCarrierGrid = scsSsb == scsCarrier && position == Math.Floor(position);
        FirstSubcarrier = (int)Math.Floor(position);

        // Off the grid: block subcarrier k at bin k − 120 + shift (+ ½) of the block's own modulator (DC = carrier centre).
        double dcHz = ((12.0 * carrier.NStartGrid) + (6.0 * carrier.NSizeGrid)) * scsCarrier * 1e3;
        double twiceShift = 2 * (((f0 - dcHz) / (scsSsb * 1e3)) + (SsbResourceMap.SubcarrierCount / 2));
        if (Math.Abs(twiceShift - Math.Round(twiceShift)) > 1e-9)
        {
            throw new ArgumentException($"the SS/PBCH block is not a whole or half subcarrier ({scsSsb} kHz) from the carrier centre; check NCrbSsb and KSsb");
        }

        long twice = (long)Math.Round(twiceShift);
        FrequencyShift = (int)Math.Floor(twice / 2.0);
        HalfSubcarrierShift = (twice & 1) != 0;

        // Carrier resource blocks overlapped, in carrier subcarrier units u: the block spans [u0 − r/2, u0 + 239r + r/2).
        double r = (double)scsSsb / scsCarrier;
        double u0 = f0 / (scsCarrier * 1e3);
        double low = u0 - (r / 2), high = u0 + (239 * r) + (r / 2);
        int firstCrb = (int)Math.Floor((low - 11.5) / 12) + 1;
        int lastCrb = (int)Math.Ceiling((high + 0.5) / 12) - 1;
        FirstCrb = Math.Max(firstCrb, carrier.NStartGrid);
        CrbCount = Math.Min(lastCrb, carrier.NStartGrid + carrier.NSizeGrid - 1) - FirstCrb + 1;

        // Time: every candidate block of both half frames, attached to the carrier slot that contains it.
        _bySlot = new List<Block>[carrier.SlotsPerFrame];
        for (int s = 0; s < _bySlot.Length; s++)
        {
            _bySlot[s] = [];
        }

        Span<int> firstSymbols = stackalloc int[64];
        firstSymbols = firstSymbols[..burst.LMax];
        SsbBlockPattern.FirstSymbols(burst.Case, burst.LMax, firstSymbols);
        int symbolsPerSubframe = Timing.SymbolsPerSubframe;
        int halfFrameSymbols = 5 * symbolsPerSubframe;
        int carrierSlotsPerSubframe = carrierTiming.Numerology.SlotsPerSubframe;
        for (int halfFrame = 0; halfFrame < 2; halfFrame++)
        {
            for (int i = 0; i < burst.TransmittedBlocks.Count; i++)
            {
                if (!burst.TransmittedBlocks[i])
                {
                    continue;
                }

                int inFrame = (halfFrame * halfFrameSymbols) + firstSymbols[i];
                int subframe = inFrame / symbolsPerSubframe;
                int l = inFrame % symbolsPerSubframe;
                if (l + SsbResourceMap.SymbolCount > symbolsPerSubframe)
                {
                    throw new ArgumentException($"SS/PBCH block {i} crosses a subframe boundary");
                }

                int start = Timing.SymbolOffset(l);
                int last = l + SsbResourceMap.SymbolCount - 1;
                int end = Timing.SymbolOffset(last) + Timing.CyclicPrefixLength(last) + Timing.FftSize;
                int slotInSubframe = -1;
                for (int s = 0; s < carrierSlotsPerSubframe; s++)
                {
                    int slotStart = carrierTiming.SlotOffsetInSubframe(s);
                    if (start >= slotStart && start < slotStart + carrierTiming.SlotSampleCount(s))
                    {
                        slotInSubframe = s;
                        break;
                    }
                }

                int carrierSlotStart = carrierTiming.SlotOffsetInSubframe(slotInSubframe);
                if (end > carrierSlotStart + carrierTiming.SlotSampleCount(slotInSubframe))
                {
                    throw new ArgumentException($"SS/PBCH block {i} ({scsSsb} kHz) crosses a boundary of the {scsCarrier} kHz carrier's slots");
                }

                int mask = 0;
                int firstCarrierSymbol = carrierTiming.FirstSymbolOfSlot(slotInSubframe);
                for (int j = 0; j < carrierTiming.SymbolsPerSlot; j++)
                {
                    int symbolStart = carrierTiming.SymbolOffset(firstCarrierSymbol + j);
                    int symbolEnd = symbolStart + carrierTiming.CyclicPrefixLength(firstCarrierSymbol + j) + carrierTiming.FftSize;
                    if (symbolStart < end && symbolEnd > start)
                    {
                        mask |= 1 << j;
                    }
                }

                int firstSymbol = OnCarrierGrid ? l - firstCarrierSymbol : l;
                _bySlot[(subframe * carrierSlotsPerSubframe) + slotInSubframe].Add(new Block(i, halfFrame, firstSymbol, mask));
            }
        }
    }

    /// <summary>The burst.</summary>
    public DownlinkSsbBurst Burst { get; }

    /// <summary>The blocks' OFDM timing (their numerology at the carrier's sample rate).</summary>
    public OfdmTiming Timing { get; }

    /// <summary>Whether the blocks sit on the carrier grid (same spacing, whole subcarrier).</summary>
    public bool OnCarrierGrid { get; }

    /// <summary>On the grid: the carrier subcarrier of block subcarrier 0.</summary>
    public int FirstSubcarrier { get; }

    /// <summary>Off the grid: the shift of the block's own 240-subcarrier modulator (bin of block subcarrier k = k − 120 + shift).</summary>
    public int FrequencyShift { get; }

    /// <summary>Off the grid: whether the block sits a further half subcarrier higher (odd k_SSB at 30 kHz).</summary>
    public bool HalfSubcarrierShift { get; }

    /// <summary>First carrier common resource block the blocks overlap.</summary>
    public int FirstCrb { get; }

    /// <summary>Carrier resource blocks the blocks overlap (20, or 21 when not aligned).</summary>
    public int CrbCount { get; }

    /// <summary>The candidate blocks in carrier slot <paramref name="slotInFrame"/>.</summary>
    public List<Block> BlocksInSlot(int slotInFrame) => _bySlot[slotInFrame];

    /// <summary>One candidate block.</summary>
    /// <param name="Index">The candidate index i.</param>
    /// <param name="HalfFrame">The half frame.</param>
    /// <param name="FirstSymbol">On the grid: the carrier slot symbol of block symbol 0; off the grid: its symbol in the subframe of the block's numerology.</param>
    /// <param name="CarrierSymbolMask">Carrier symbols of the slot the block overlaps.</param>
    public readonly record struct Block(int Index, int HalfFrame, int FirstSymbol, int CarrierSymbolMask);
}
