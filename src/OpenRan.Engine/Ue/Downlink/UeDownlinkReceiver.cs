using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Engine.Rrc;
using OpenRan.Phy.Common;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// The UE downlink receiver: follows a cell through a recording of baseband samples at a known sample rate and centre
/// frequency. Cell search (SS/PBCH block on the synchronization raster or at a given frequency, PSS with integer and
/// fractional carrier frequency offset, SSS → PCI, PBCH → MIB with block index and half frame), then per half frame every
/// block's MIB (SFN and timing tracked), CORESET#0 and the Type0-PDCCH common search space from the MIB (TS 38.213 §13),
/// SI-RNTI DCI 1_0 blind search, and the SIB1 PDSCH with the CORESET#0 DM-RS reference point (TS 38.211 §7.4.1.1.2) and the
/// §5.4 phase compensation; DCIs of further RNTIs are searched in CORESET#0 in every slot. A PDSCH is reported as decoded
/// only when its transport block CRC and every code block CRC passed.
/// </summary>
/// <remarks>
/// Slots are demodulated on a grid that spans CORESET#0 in the common subcarrier spacing: the recording is mixed so that
/// the grid's centre is at DC (removing the measured carrier frequency offset at the same time, with a continuous
/// double-precision oscillator), and each symbol's §5.4 phase is compensated at the grid centre's RF frequency. PDSCH PRBs of
/// a DCI 1_0 in a common search space count from CORESET#0's lowest RB (TS 38.214 §5.1.2.2.2). For SI-RNTI the DM-RS
/// reference point is that RB; for other RNTIs it is point A, which needs the common RB grid (from the cell description's
/// <c>--dl-arfcn</c> and <c>--prb</c>).
/// </remarks>
public sealed class UeDownlinkReceiver
{
    private const double InitialSearchSeconds = 20e-3;
    private const int SiRnti = 0xFFFF;

    private readonly UeDownlinkConfiguration _configuration;
    private readonly PdcchReceiver _pdcch = new();
    private readonly SharedChannelReceiver _pdsch = new(1, 1);
    private bool _slotsOutdated;
    private readonly PdcchDetection[] _detections = [.. Enumerable.Range(0, 8).Select(_ => new PdcchDetection())];

    /// <summary>Validates <paramref name="configuration"/>.</summary>
    /// <exception cref="ArgumentException">The configuration is invalid (every problem listed).</exception>
    public UeDownlinkReceiver(UeDownlinkConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        IReadOnlyList<string> problems = configuration.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(configuration));
        }

        _configuration = configuration;
    }

    /// <summary>The fewest samples a recording needs: one SS/PBCH block at 30 kHz or one slot at 15 kHz, whichever is longer.</summary>
    public int MinimumSampleCount => (int)Math.Ceiling(_configuration.SampleRateHz * 1e-3);

    /// <summary>Decodes <paramref name="samples"/> (the whole recording), reporting each item in time order.</summary>
    public UeDownlinkSummary Decode(ReadOnlySpan<ComplexF32> samples, Action<UeDownlinkItem> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        long start = Stopwatch.GetTimestamp();
        CellContext? cell = Acquire(samples, out string? problem, out string? option);
        if (cell is null)
        {
            return new UeDownlinkSummary(false, -1, problem, option, 0, 0, 0) { Timings = new UeDownlinkTimings { CellSearchMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds } };
        }

        var counts = new Counts { SearchTicks = Stopwatch.GetTimestamp() - start };
        Follow(samples, cell, report, counts);
        return new UeDownlinkSummary(true, cell.Pci, cell.Problem, null, counts.Mibs, counts.PdschDecoded, counts.PdschFailed) { Timings = counts.Timings() };
    }

    /// <summary>Finds the cell: an SS/PBCH block whose PBCH decodes, or the cell description.</summary>
    private CellContext? Acquire(ReadOnlySpan<ComplexF32> samples, out string? problem, out string? option)
    {
        problem = null;
        option = null;
        UeCellDescription? description = _configuration.Cell;
        UeDownlinkConfiguration configuration = _configuration;
        if (configuration.SsbFrequencyHz is null && description?.SsbArfcn is int ssbArfcn)
        {
            configuration = configuration with { SsbFrequencyHz = NrArfcn.FrequencyHz(ssbArfcn) };
        }

        if (configuration.SsbSubcarrierSpacingKhz is null && description?.SubcarrierSpacingKhz is int descriptionScs && configuration.SsbFrequencyHz is not null)
        {
            configuration = configuration with { SsbSubcarrierSpacingKhz = descriptionScs };
        }

        int searchLength = (int)Math.Min(samples.Length, Math.Ceiling(configuration.SampleRateHz * InitialSearchSeconds) + (configuration.SampleRateHz * 0.5e-3));
        var attempted = new List<string>();
        foreach (SsbCandidate candidate in SsbCandidate.For(configuration))
        {
            for (int i = 0; i <= 2 * configuration.MaxIntegerFrequencyOffsetSubcarriers; i++)
            {
                int m = (i + 1) / 2 * (i % 2 == 1 ? 1 : -1);
                SsbBlockDecoder decoder;
                try
                {
                    decoder = new SsbBlockDecoder(configuration.SampleRateHz, configuration.CenterFrequencyHz, candidate, m);
                }
                catch (ArgumentException ex)
                {
                    attempted.Add(ex.Message.Split(" (Parameter", 2)[0]);
                    break;
                }

                SsbBlockDecode found = decoder.Decode(samples[..searchLength], 0, null);
                if (!found.Detected || !found.Pbch.CrcPassed || found.Pbch.Mib is not Mib mib)
                {
                    continue;
                }

                CellContext? context = FromBlock(decoder, found, mib, description, out problem, out option);
                return context;
            }
        }

        if (description is { IsComplete: true })
        {
            return FromDescription(description, out problem, out option);
        }

        double durationMs = samples.Length / configuration.SampleRateHz * 1e3;
        problem = attempted.Count > 0 && attempted.Count == SsbCandidate.For(configuration).Count
            ? $"no SS/PBCH block could be searched: {attempted[0]}"
            : durationMs < InitialSearchSeconds * 1e3
                ? string.Create(CultureInfo.InvariantCulture, $"no SS/PBCH block with a valid PBCH found; the recording ({durationMs:F2} ms) is shorter than one SSB period (20 ms, TS 38.213 §4.1): record longer, or give the cell description (--pci, --prb, --scs-khz, --slot, --dl-arfcn, --ssb-arfcn, --coreset0-index)")
                : configuration.SsbFrequencyHz is double f
                    ? string.Create(CultureInfo.InvariantCulture, $"no SS/PBCH block with a valid PBCH at {f / 1e6:F3} MHz (--ssb-frequency/--ssb-arfcn) within ±{configuration.MaxIntegerFrequencyOffsetSubcarriers} subcarriers")
                    : string.Create(CultureInfo.InvariantCulture, $"no SS/PBCH block with a valid PBCH on the synchronization raster inside {(configuration.CenterFrequencyHz - (configuration.SampleRateHz / 2)) / 1e6:F3}..{(configuration.CenterFrequencyHz + (configuration.SampleRateHz / 2)) / 1e6:F3} MHz; give --ssb-frequency or --ssb-arfcn if the block is off the raster");
        option = configuration.SsbFrequencyHz is not null ? "--ssb-frequency" : null;
        return null;
    }

    private CellContext? FromBlock(SsbBlockDecoder decoder, SsbBlockDecode found, Mib mib, UeCellDescription? description, out string? problem, out string? option)
    {
        problem = null;
        option = null;
        SsbCandidate candidate = decoder.Candidate;
        int scsCommon = mib.SubCarrierSpacingCommon ? 30 : 15;
        if (description is not null)
        {
            (string Option, int? Given, int Actual)[] checks =
            [
                ("--pci", description.Pci, found.Pci),
                ("--coreset0-index", description.Coreset0Index, mib.ControlResourceSetZero),
                ("--scs-khz", description.SubcarrierSpacingKhz, scsCommon),
                ("--search-space-zero", description.SearchSpaceZero, mib.SearchSpaceZero),
                ("--dmrs-typea-position", description.DmrsTypeAPosition, mib.DmrsTypeAPosition),
            ];
            foreach ((string name, int? given, int actual) in checks)
            {
                if (given is int g && g != actual)
                {
                    problem = $"{name} {g} contradicts the decoded SS/PBCH block (PCI {found.Pci}, MIB: controlResourceSetZero {mib.ControlResourceSetZero}, subCarrierSpacingCommon {scsCommon} kHz, searchSpaceZero {mib.SearchSpaceZero}, dmrs-TypeA-Position {mib.DmrsTypeAPosition}): it says {actual}";
                    option = name;
                    return null;
                }
            }
        }

        var firstSymbols = new int[candidate.MaxBlockCount];
        SsbBlockPattern.FirstSymbols(candidate.Case, candidate.MaxBlockCount, firstSymbols);
        long halfFrame = decoder.Timing.SamplesPerFrame / 2;
        long frameStart = found.PssUsefulPartStart - decoder.UsefulPartOffsetInHalfFrame(firstSymbols[found.Pbch.SsbIndex]) - (found.Pbch.HalfFrame * halfFrame);
        var context = new CellContext
        {
            Pci = found.Pci,
            Candidate = candidate,
            Decoder = decoder,
            FirstSymbols = firstSymbols,
            FrequencyOffsetHz = found.FrequencyOffsetHz,
            FrameStart = frameStart,
            SfnAtFrameStart = mib.SystemFrameNumber,
            SfnKnown = true,
            KSsb = mib.SsbSubcarrierOffset,
            Coreset0Index = mib.ControlResourceSetZero,
            SearchSpaceZero = mib.SearchSpaceZero,
            DmrsTypeAPosition = mib.DmrsTypeAPosition,
            CommonScsKhz = scsCommon,
            SamplesPerFrame = decoder.Timing.SamplesPerFrame,
        };
        if (description is { DownlinkArfcn: int dl, CarrierPrbs: int prbs })
        {
            if (!SetPointA(context, description, dl, prbs, out problem, out option))
            {
                return null;
            }
        }

        return context;
    }

    private CellContext? FromDescription(UeCellDescription description, out string? problem, out string? option)
    {
        problem = null;
        option = null;
        int scs = description.SubcarrierSpacingKhz!.Value;
        double ssbHz = NrArfcn.FrequencyHz(description.SsbArfcn!.Value);
        SsbCandidate candidate = SsbCandidate.Make(ssbHz, scs, scs == 15 ? SsbCase.A : SsbCase.C, Gscn.TryFromSsRefHz(ssbHz));
        var firstSymbols = new int[candidate.MaxBlockCount];
        SsbBlockPattern.FirstSymbols(candidate.Case, candidate.MaxBlockCount, firstSymbols);
        OfdmTiming timing;
        try
        {
            timing = OfdmTiming.ForSampleRate(Numerology.FromSubcarrierSpacingKhz(scs), CyclicPrefix.Normal, _configuration.SampleRateHz, 1);
        }
        catch (ArgumentException ex)
        {
            problem = ex.Message.Split(" (Parameter", 2)[0];
            option = "--sample-rate";
            return null;
        }

        int slot = description.FirstSlot ?? 0;
        long slotOffset = ((long)(slot / timing.Numerology.SlotsPerSubframe) * timing.SamplesPerSubframe) + timing.SlotOffsetInSubframe(slot);
        var context = new CellContext
        {
            Pci = description.Pci!.Value,
            Candidate = candidate,
            Decoder = null,
            FirstSymbols = firstSymbols,
            FrequencyOffsetHz = 0,
            FrameStart = -slotOffset,
            SfnAtFrameStart = 0,
            SfnKnown = false,
            Coreset0Index = description.Coreset0Index!.Value,
            SearchSpaceZero = description.SearchSpaceZero ?? 0,
            DmrsTypeAPosition = description.DmrsTypeAPosition ?? 2,
            CommonScsKhz = scs,
            SamplesPerFrame = timing.SamplesPerFrame,
        };
        return SetPointA(context, description, description.DownlinkArfcn!.Value, description.CarrierPrbs!.Value, out problem, out option) ? context : null;
    }

    /// <summary>
    /// Point A from the carrier (centre NR-ARFCN, N_RB at the common SCS): f_A = f_c − 6·N_RB·Δf; the block's first subcarrier
    /// lies n = (SS_REF − 120·Δf_SSB − f_A)/15 kHz subcarriers above it, giving the common RB overlapping the block and k_SSB
    /// (TS 38.211 §7.4.3.1, FR1: k_SSB in 15 kHz units). A k_SSB that differs from the MIB's contradicts the description.
    /// </summary>
    private static bool SetPointA(CellContext context, UeCellDescription description, int downlinkArfcn, int carrierPrbs, out string? problem, out string? option)
    {
        problem = null;
        option = null;
        double scsHz = context.CommonScsKhz * 1e3;
        double pointAHz = NrArfcn.FrequencyHz(downlinkArfcn) - (6.0 * carrierPrbs * scsHz);
        double ssbFirstHz = context.Candidate.FrequencyHz - (120 * context.Candidate.SubcarrierSpacingKhz * 1e3);
        double n15 = (ssbFirstHz - pointAHz) / 15e3;
        long n = (long)Math.Round(n15);
        int subcarriersPerCommonRb = 12 * context.CommonScsKhz / 15;
        if (Math.Abs(n15 - n) > 1e-6 || n < 0)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"--ssb-arfcn/--dl-arfcn: the SS/PBCH block's first subcarrier is {n15:F3} × 15 kHz from point A ({pointAHz / 1e6:F4} MHz = --dl-arfcn centre − 6·--prb·Δf), not a whole non-negative number of subcarriers");
            option = "--ssb-arfcn";
            return false;
        }

        int kSsb = (int)(n % subcarriersPerCommonRb);
        if (context.Decoder is not null && kSsb != context.KSsb)
        {
            problem = $"--dl-arfcn {downlinkArfcn}/--prb {carrierPrbs}/--ssb-arfcn put the SS/PBCH block at k_SSB {kSsb}, but the MIB says k_SSB {context.KSsb}";
            option = "--dl-arfcn";
            return false;
        }

        context.KSsb = kSsb;
        context.SsbCommonRb = (int)(n / subcarriersPerCommonRb);
        context.CarrierPrbs = carrierPrbs;
        return true;
    }

    /// <summary>Walks the recording half frame by half frame: SS/PBCH blocks, then the slots' PDCCH/PDSCH.</summary>
    private void Follow(ReadOnlySpan<ComplexF32> samples, CellContext cell, Action<UeDownlinkItem> report, Counts counts)
    {
        SlotDemodulator? slots = SlotDemodulator.TryCreate(_configuration, cell, out string? slotProblem);
        cell.Problem = slotProblem;
        long frameLength = cell.SamplesPerFrame;
        long halfFrame = frameLength / 2;
        long firstFrame = FloorDiv(-cell.FrameStart, frameLength);
        var rntis = new List<UeRnti>(_configuration.Rntis);
        for (long f = firstFrame; cell.FrameStart + (f * frameLength) < samples.Length; f++)
        {
            for (int hf = 0; hf < 2; hf++)
            {
                if (cell.Decoder is not null)
                {
                    long t0 = Stopwatch.GetTimestamp();
                    DecodeBlocks(samples, cell, f, hf, report, counts);
                    counts.BlockTicks += Stopwatch.GetTimestamp() - t0;
                }

                if (slots is null)
                {
                    continue;
                }

                int slotsPerFrame = slots.SlotsPerFrame;
                for (int s = hf * slotsPerFrame / 2; s < (hf + 1) * slotsPerFrame / 2; s++)
                {
                    bool si = IsType0Occasion(cell, slots, f, s);
                    if (!si && rntis.Count == 0)
                    {
                        continue;
                    }

                    long slotStart = cell.FrameStart + (f * frameLength) + slots.SlotOffsetInFrame(s);
                    if (slotStart < 0 || slotStart + slots.SlotSampleCount(s) > samples.Length)
                    {
                        continue;
                    }

                    int sfn = cell.SfnKnown ? (int)(((cell.SfnAtFrameStart + f) % 1024 + 1024) % 1024) : -1;
                    long t1 = Stopwatch.GetTimestamp();
                    slots.Demodulate(samples, slotStart, s, cell.FrequencyOffsetHz);
                    counts.DemodulationTicks += Stopwatch.GetTimestamp() - t1;
                    counts.Slots++;
                    SearchSlot(slots, cell, sfn, s, slotStart, si, rntis, report, counts);
                    if (_slotsOutdated)
                    {
                        _slotsOutdated = false;
                        slots = SlotDemodulator.TryCreate(_configuration, cell, out _) ?? slots;
                    }
                }
            }
        }

        _ = halfFrame;
    }

    private void DecodeBlocks(ReadOnlySpan<ComplexF32> samples, CellContext cell, long frame, int halfFrame, Action<UeDownlinkItem> report, Counts counts)
    {
        SsbBlockDecoder decoder = cell.Decoder!;
        long frameLength = cell.SamplesPerFrame;
        int margin = 2 * decoder.CyclicPrefixSamples;
        for (int i = 0; i < cell.FirstSymbols.Length; i++)
        {
            long frameStart = cell.FrameStart + (frame * frameLength);
            long expected = frameStart + (halfFrame * (frameLength / 2)) + decoder.UsefulPartOffsetInHalfFrame(cell.FirstSymbols[i]);
            long first = expected - margin;
            long end = expected + decoder.BlockSampleCount + margin;
            if (first < 0 || end > samples.Length)
            {
                continue;
            }

            counts.Blocks++;
            SsbBlockDecode d = decoder.Decode(samples[(int)first..(int)end], first, cell.Pci);
            if (!d.Detected || Math.Abs(d.PssUsefulPartStart - expected) > margin)
            {
                continue;
            }

            int predictedSfn = (int)(((cell.SfnAtFrameStart + frame) % 1024 + 1024) % 1024);
            bool pbchOk = d.Pbch.CrcPassed && d.Pbch.Mib is not null && d.Pbch.SsbIndex == i && d.Pbch.HalfFrame == halfFrame;
            int sfn = pbchOk ? d.Pbch.Mib!.Value.SystemFrameNumber : predictedSfn;
            int ssbSlot = cell.FirstSymbols[i] / NrConstants.SymbolsPerSlotNormalCp + (halfFrame * 5 * (candidateSlotsPerSubframe(cell)));
            report(new UeDownlinkItem
            {
                Kind = UeDownlinkItemKind.Ssb,
                Sfn = sfn,
                Slot = ssbSlot,
                Pci = d.Pci,
                SampleIndex = d.PssUsefulPartStart,
                SsbIndex = i,
                HalfFrame = halfFrame,
                SsbFrequencyHz = cell.Candidate.FrequencyHz,
                FrequencyOffsetHz = d.FrequencyOffsetHz,
                PssMetric = d.PssMetric,
            });
            if (!pbchOk)
            {
                continue;
            }

            Mib mib = d.Pbch.Mib!.Value;
            counts.Mibs++;
            cell.Indices.Add(i);
            cell.HalfFrames.Add(halfFrame);
            report(new UeDownlinkItem
            {
                Kind = UeDownlinkItemKind.Mib,
                Sfn = mib.SystemFrameNumber,
                Slot = ssbSlot,
                Pci = d.Pci,
                SampleIndex = d.PssUsefulPartStart,
                SsbIndex = i,
                HalfFrame = halfFrame,
                Mib = mib,
                SsbFrequencyHz = cell.Candidate.FrequencyHz,
                FrequencyOffsetHz = d.FrequencyOffsetHz,
                Detail = mib.SystemFrameNumber != predictedSfn ? $"SFN {mib.SystemFrameNumber} where {predictedSfn} was expected: frame numbering re-anchored" : null,
            });

            // Timing and SFN tracking: re-anchor frame 'frame' on this block.
            cell.FrameStart = d.PssUsefulPartStart - decoder.UsefulPartOffsetInHalfFrame(cell.FirstSymbols[i]) - (halfFrame * (frameLength / 2)) - (frame * frameLength);
            cell.SfnAtFrameStart = (int)((((mib.SystemFrameNumber - frame) % 1024) + 1024) % 1024);
            cell.FrequencyOffsetHz = d.FrequencyOffsetHz;
        }

        static int candidateSlotsPerSubframe(CellContext c) => c.Candidate.SubcarrierSpacingKhz / 15;
    }

    private static bool IsType0Occasion(CellContext cell, SlotDemodulator slots, long frame, int slot)
    {
        IEnumerable<int> indices = cell.Indices.Count > 0 ? cell.Indices : Enumerable.Range(0, cell.FirstSymbols.Length);
        int slotsPerFrame = slots.SlotsPerFrame;
        int sfn = (int)(((cell.SfnAtFrameStart + frame) % 1024 + 1024) % 1024);
        foreach (int i in indices)
        {
            Type0Occasion occasion = Type0PdcchCss.Occasion(cell.SearchSpaceZero, i, slots.Mu, slots.Row.SymbolCount);
            for (int k = 0; k < 2; k++)
            {
                int absolute = occasion.Slot + k;
                int parity = (occasion.SfnParity + (absolute / slotsPerFrame)) % 2;
                if (absolute % slotsPerFrame == slot && (!cell.SfnKnown || sfn % 2 == parity))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void SearchSlot(SlotDemodulator slots, CellContext cell, int sfn, int slot, long slotStart, bool si, List<UeRnti> rntis, Action<UeDownlinkItem> report, Counts counts)
    {
        var list = new List<UeRnti>();
        if (si)
        {
            list.Add(new UeRnti(SiRnti, DciRntiType.SiRnti));
        }

        list.AddRange(rntis.Where(r => r.Type != DciRntiType.SiRnti || !si));
        ushort[] values = [.. list.Select(r => (ushort)r.Rnti)];
        int firstSymbol = si ? Type0FirstSymbol(cell, slots) : 0;
        var request = new PdcchSearchRequest(slot, slots.Coreset, Type0PdcchCss.SearchSpace(firstSymbol), 0, 0, cell.Pci);
        long t0 = Stopwatch.GetTimestamp();
        int found = _pdcch.Search(slots.Grid, 0, request, [slots.DciSizes.Size], values, values.Length, _detections);
        counts.PdcchTicks += Stopwatch.GetTimestamp() - t0;
        for (int d = 0; d < found; d++)
        {
            PdcchDetection detection = _detections[d];
            UeRnti rnti = list.FirstOrDefault(r => r.Rnti == detection.Rnti);
            Dci1_0 dci = slots.DciSizes.Parse1_0(detection.Payload.AsSpan(0, slots.DciSizes.Size), rnti.Type);
            report(new UeDownlinkItem
            {
                Kind = UeDownlinkItemKind.Dci,
                Sfn = sfn,
                Slot = slot,
                Pci = cell.Pci,
                SampleIndex = slotStart,
                Rnti = rnti.Rnti,
                RntiType = rnti.Type,
                DciFormat = "1_0",
                Dci = dci,
                SearchSpace = rnti.Type == DciRntiType.SiRnti ? "common0" : "common (CORESET#0)",
                AggregationLevel = detection.AggregationLevel,
                Cce = detection.FirstCce,
            });
            DecodePdsch(slots, cell, sfn, slot, slotStart, rnti, dci, report, counts);
        }
    }

    private static int Type0FirstSymbol(CellContext cell, SlotDemodulator slots)
    {
        int i = cell.Indices.Count > 0 ? cell.Indices.Min() : 0;
        return Type0PdcchCss.Occasion(cell.SearchSpaceZero, i, slots.Mu, slots.Row.SymbolCount).FirstSymbol;
    }

    private void DecodePdsch(SlotDemodulator slots, CellContext cell, int sfn, int slot, long slotStart, UeRnti rnti, Dci1_0 dci, Action<UeDownlinkItem> report, Counts counts)
    {
        var item = new UeDownlinkItem
        {
            Kind = UeDownlinkItemKind.Pdsch,
            Sfn = sfn,
            Slot = slot,
            Pci = cell.Pci,
            SampleIndex = slotStart,
            Rnti = rnti.Rnti,
            RntiType = rnti.Type,
            Dci = dci,
            CrcPassed = false,
        };
        UeDownlinkAllocation? allocation = Dci1_0Allocation.Resolve(dci, slots.Row.RbCount, cell.DmrsTypeAPosition, out string? problem);
        if (allocation is null)
        {
            counts.PdschFailed++;
            report(item with { Detail = $"not decoded: {problem}" });
            return;
        }

        item = item with { Allocation = allocation };
        bool siType0 = rnti.Type == DciRntiType.SiRnti;
        if (!siType0 && cell.SsbCommonRb is null)
        {
            counts.PdschFailed++;
            report(item with { Detail = "not decoded: the DM-RS reference point is point A (TS 38.211 §7.4.1.1.2), unknown without --dl-arfcn and --prb" });
            return;
        }

        if (dci.TbScaling != 0)
        {
            counts.PdschFailed++;
            report(item with { Detail = "not decoded: TB scaling (TS 38.214 Table 5.1.3.2-2) is not supported" });
            return;
        }

        PdschConfiguration configuration = slots.PdschFor(cell, allocation, rnti.Rnti, siType0, slot);
        IReadOnlyList<string> problems = configuration.Validate();
        if (problems.Count > 0)
        {
            counts.PdschFailed++;
            report(item with { Detail = "not decoded: " + string.Join("; ", problems) });
            return;
        }

        int tbs = _pdsch.TransportBlockSize(configuration);
        var bits = new byte[tbs];
        long t0 = Stopwatch.GetTimestamp();
        SharedChannelReceiveResult result = _pdsch.Receive(configuration, slots.Grid, slot, dci.RedundancyVersion, _pdsch.CreateSoftBuffer(configuration), true, bits);
        counts.PdschTicks += Stopwatch.GetTimestamp() - t0;
        counts.Pdsch++;
        item = item with { TransportBlockSize = tbs, CrcPassed = result.CrcPassed, SnrDb = result.Measurements.SnrDb, EvmPercent = result.Measurements.EvmPercent };
        if (!result.CrcPassed)
        {
            counts.PdschFailed++;
            report(item);
            return;
        }

        var payload = new byte[BitPacking.PackedLength(tbs)];
        BitPacking.Pack(bits, payload);
        counts.PdschDecoded++;
        report(item with { Payload = payload });
        if (siType0 && dci.SystemInformationIndicator == 0)
        {
            Sib1? sib1 = Sib1Decoder.TryDecode(payload, out string? error);
            if (sib1?.OffsetToPointA is int offsetToPointA && cell.SsbCommonRb is null)
            {
                // offsetToPointA counts 15 kHz RBs in FR1 (TS 38.211 §4.4.4.2): the common RB grid (point A) becomes known,
                // so PDSCH of other RNTIs (DM-RS referenced to point A) can be received from the next slot on.
                cell.SsbCommonRb = offsetToPointA * 15 / cell.CommonScsKhz;
                _slotsOutdated = true;
            }

            report(new UeDownlinkItem
            {
                Kind = UeDownlinkItemKind.Sib1,
                Sfn = sfn,
                Slot = slot,
                Pci = cell.Pci,
                SampleIndex = slotStart,
                Rnti = rnti.Rnti,
                RntiType = rnti.Type,
                CrcPassed = true,
                TransportBlockSize = tbs,
                Payload = payload,
                Detail = sib1 is not null ? Sib1Decoder.Summarize(sib1) : $"SIB1 ASN.1 not decoded: {error}",
            });
        }
    }

    private static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

    private sealed class Counts
    {
        public int Mibs;
        public int PdschDecoded;
        public int PdschFailed;
        public long SearchTicks;
        public long BlockTicks;
        public int Blocks;
        public long DemodulationTicks;
        public int Slots;
        public long PdcchTicks;
        public long PdschTicks;
        public int Pdsch;

        public UeDownlinkTimings Timings() => new()
        {
            CellSearchMs = Ms(SearchTicks),
            BlocksMs = Ms(BlockTicks),
            Blocks = Blocks,
            SlotDemodulationMs = Ms(DemodulationTicks),
            Slots = Slots,
            PdcchMs = Ms(PdcchTicks),
            PdschMs = Ms(PdschTicks),
            Pdsch = Pdsch,
        };

        private static double Ms(long ticks) => ticks * 1e3 / Stopwatch.Frequency;
    }
}
