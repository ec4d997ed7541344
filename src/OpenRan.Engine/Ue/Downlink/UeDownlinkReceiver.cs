using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Engine.Rrc;
using OpenRan.Engine.Scheduling;
using OpenRan.Phy.Common;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Channels.Ssb;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// The UE downlink receiver: follows a cell through a recording of baseband samples at a known sample rate and centre
/// frequency. Cell search (SS/PBCH block on the synchronization raster or at a given frequency, PSS with integer and
/// fractional carrier frequency offset, SSS → PCI, PBCH → MIB with block index and half frame), then per half frame every
/// block's MIB (SFN and timing tracked), CORESET#0 and the Type0-PDCCH common search space from the MIB (TS 38.213 §13),
/// SI-RNTI DCI 1_0 blind search, and the SIB1 PDSCH with the CORESET#0 DM-RS reference point (TS 38.211 §7.4.1.1.2) and the
/// §5.4 phase compensation; then, from SIB1, the ra-SearchSpace and pagingSearchSpace (TS 38.213 §10.1) with the RA-RNTIs
/// of its PRACH configuration (TS 38.321 §5.1.3), each random-access response's MAC RARs and the Temporary C-RNTIs they
/// assign; a gNB configuration's test UE (C-RNTI DCI 1_1 on CORESET#1 and its PDSCH over the whole carrier); DCIs of further
/// RNTIs in CORESET#0. A PDSCH is reported as decoded only when its transport block CRC and every code block CRC passed.
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
    private const int MaxRntisPerSearch = 256;
    private const int MaxTemporaryCRntis = 64;
    private const int MaxPendingGrants = 16;

    private readonly UeDownlinkConfiguration _configuration;
    private readonly PdcchReceiver _pdcch = new();
    private readonly SharedChannelReceiver _pdsch = new(1, 1);
    private readonly UeHarqBuffers _harq = new();
    private bool _slotsOutdated;
    private readonly PdcchDetection[] _detections = [.. Enumerable.Range(0, 8).Select(_ => new PdcchDetection())];
    private readonly ushort[] _rntiValues = new ushort[MaxRntisPerSearch];
    private readonly List<UeRnti> _group = new(MaxRntisPerSearch);
    private readonly List<UeRnti> _randomAccess = new(MaxRntisPerSearch);
    private readonly List<UeRnti> _paging = new(MaxRntisPerSearch);
    private readonly List<UeRnti> _other = new(MaxRntisPerSearch);
    private readonly List<MacRar> _rars = [];
    private readonly ushort[] _ueRnti = new ushort[1];
    private readonly SearchSpaceConfiguration?[] _type0Spaces = new SearchSpaceConfiguration?[NrConstants.SymbolsPerSlotNormalCp];
    private readonly Dictionary<(Coreset Coreset, SearchSpaceConfiguration Space, int Slot, int HashingRnti), PdcchSearchRequest> _requests = [];
    private readonly PendingGrant[] _pending = new PendingGrant[MaxPendingGrants];
    private int _pendingCount;
    private int _slotsPerFrame = 1;

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

        if (configuration.SsbFrequencyHz is null && configuration.Dedicated is UeDedicatedDownlink dedicated)
        {
            configuration = configuration with { SsbFrequencyHz = dedicated.SsbFrequencyHz };
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

        return ApplyDedicated(context, out problem, out option) ? context : null;
    }

    /// <summary>Takes point A and the carrier from the dedicated downlink's configuration when given; false when it contradicts the cell.</summary>
    private bool ApplyDedicated(CellContext context, out string? problem, out string? option)
    {
        problem = null;
        option = null;
        if (_configuration.Dedicated is not UeDedicatedDownlink ue)
        {
            return true;
        }

        if (ue.KSsb != context.KSsb || (context.SsbCommonRb is int rb && rb != ue.SsbCommonRb))
        {
            problem = $"--gnb-config puts the SS/PBCH block at k_SSB {ue.KSsb} over common RB {ue.SsbCommonRb}, but the cell has k_SSB {context.KSsb}{(context.SsbCommonRb is int r ? $" over common RB {r}" : "")}";
            option = "--gnb-config";
            return false;
        }

        context.SsbCommonRb = ue.SsbCommonRb;
        context.CarrierPrbs ??= ue.CarrierPrbs;
        return true;
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
        return SetPointA(context, description, description.DownlinkArfcn!.Value, description.CarrierPrbs!.Value, out problem, out option) && ApplyDedicated(context, out problem, out option) ? context : null;
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
        FollowState state = StartFollowing(cell, counts);
        long frameLength = cell.SamplesPerFrame;
        long firstFrame = FloorDiv(-cell.FrameStart, frameLength);
        for (long f = firstFrame; cell.FrameStart + (f * frameLength) < samples.Length; f++)
        {
            for (int hf = 0; hf < 2; hf++)
            {
                FollowHalfFrame(samples, 0, state, f, hf, report);
            }
        }
    }

    /// <summary>
    /// Half frame <paramref name="halfFrame"/> of frame <paramref name="frame"/>: its SS/PBCH blocks, then its slots;
    /// <paramref name="samples"/> starts at sample <paramref name="origin"/> of the recording (blocks and slots not wholly
    /// inside it are skipped).
    /// </summary>
    private void FollowHalfFrame(ReadOnlySpan<ComplexF32> samples, long origin, FollowState state, long frame, int halfFrame, Action<UeDownlinkItem> report)
    {
        CellContext cell = state.Cell;
        Counts counts = state.Counts;
        if (cell.Decoder is not null)
        {
            long t0 = Stopwatch.GetTimestamp();
            DecodeBlocks(samples, origin, cell, frame, halfFrame, report, counts);
            counts.BlockTicks += Stopwatch.GetTimestamp() - t0;
        }

        if (state.Slots is null)
        {
            return;
        }

        int slotsPerFrame = state.Slots.SlotsPerFrame;
        for (int s = halfFrame * slotsPerFrame / 2; s < (halfFrame + 1) * slotsPerFrame / 2; s++)
        {
            FollowSlot(samples, state, frame, s, report, origin);
        }
    }

    /// <summary>
    /// Decodes samples as they arrive (a live radio): <paramref name="read"/> fills a buffer of at most
    /// <see cref="StreamBufferSamples"/> samples and returns how many it wrote (0 when the stream ends). The cell is
    /// acquired from the first 20.5 ms, then followed half frame by half frame exactly as <see cref="Decode"/> follows a
    /// recording (the same items), keeping only the current half frame with a 1 ms margin on each side: memory does not
    /// grow with the stream's length.
    /// </summary>
    public UeDownlinkSummary DecodeStream(UeSampleReader read, Action<UeDownlinkItem> report)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(report);
        long start = Stopwatch.GetTimestamp();
        var buffer = new ComplexF32[StreamBufferSamples];
        int filled = 0;
        long origin = 0;
        bool ended = false;
        int searchLength = (int)Math.Ceiling(Math.Ceiling(_configuration.SampleRateHz * InitialSearchSeconds) + (_configuration.SampleRateHz * 0.5e-3));
        Fill(searchLength);
        CellContext? cell = Acquire(buffer.AsSpan(0, filled), out string? problem, out string? option);
        if (cell is null)
        {
            return new UeDownlinkSummary(false, -1, problem, option, 0, 0, 0) { Timings = new UeDownlinkTimings { CellSearchMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds } };
        }

        var counts = new Counts { SearchTicks = Stopwatch.GetTimestamp() - start };
        FollowState state = StartFollowing(cell, counts);
        long frameLength = cell.SamplesPerFrame;
        long half = frameLength / 2;
        long margin = (long)Math.Ceiling(_configuration.SampleRateHz * 1e-3);
        for (long f = FloorDiv(-cell.FrameStart, frameLength); ; f++)
        {
            for (int hf = 0; hf < 2; hf++)
            {
                long halfStart = cell.FrameStart + (f * frameLength) + (hf * half);
                long keepFrom = halfStart - margin;
                if (keepFrom > origin)
                {
                    int drop = (int)Math.Min(keepFrom - origin, filled);
                    Array.Copy(buffer, drop, buffer, 0, filled - drop);
                    filled -= drop;
                    origin += drop;
                }

                Fill((int)Math.Min(halfStart + half + margin - origin, buffer.Length));
                if (ended && halfStart >= origin + filled)
                {
                    return new UeDownlinkSummary(true, cell.Pci, cell.Problem, null, counts.Mibs, counts.PdschDecoded, counts.PdschFailed) { Timings = counts.Timings() };
                }

                FollowHalfFrame(buffer.AsSpan(0, filled), origin, state, f, hf, report);
            }
        }

        void Fill(int target)
        {
            while (!ended && filled < target)
            {
                int n = read(buffer.AsSpan(filled, target - filled));
                ended = n <= 0;
                filled += Math.Max(n, 0);
            }
        }
    }

    /// <summary>The samples <see cref="DecodeStream"/> holds: the cell search's 20.5 ms plus one frame (at least a half frame and two 1 ms margins).</summary>
    public int StreamBufferSamples => (int)Math.Ceiling(_configuration.SampleRateHz * (InitialSearchSeconds + 0.5e-3 + 10e-3)) + 2;

    /// <summary>The state of following a cell slot by slot: the cell, the slot demodulator, the RNTIs given, the counters.</summary>
    private FollowState StartFollowing(CellContext cell, Counts counts)
    {
        SlotDemodulator? slots = SlotDemodulator.TryCreate(_configuration, cell, out string? slotProblem);
        cell.Problem = slotProblem;
        BandDemodulator? carrier = null;
        CoresetMonitor? monitor = null;
        if ((_configuration.Dedicated is not null || _configuration.Coreset is not null) && slots is not null)
        {
            carrier = CarrierDemodulator(cell, _configuration.Dedicated is not null ? "--gnb-config" : "--coreset", out string? carrierProblem);
            cell.Problem ??= carrierProblem;
        }

        if (_configuration.Coreset is UeCoresetDescription coreset && carrier is not null)
        {
            if (coreset.RbStart + coreset.RbCount > cell.CarrierPrbs)
            {
                cell.Problem ??= $"--coreset: rb-start={coreset.RbStart} + rb-count={coreset.RbCount} is beyond the carrier's {cell.CarrierPrbs} RB; valid: rb-start + rb-count ≤ {cell.CarrierPrbs}";
            }
            else
            {
                monitor = CoresetMonitor.Described(carrier, cell, coreset, _configuration.CoresetSearchSpace, slots!.Row.RbCount);
            }
        }

        // The dedicated configuration's C-RNTI and every C-RNTI given are searched for DCI 1_1 in the UE-specific space.
        int[] ueRntis = _configuration.Dedicated is UeDedicatedDownlink d
            ? [d.Rnti, .. _configuration.Rntis.Where(r => r.Type == DciRntiType.CRnti && r.Rnti != d.Rnti).Select(r => r.Rnti).Distinct()]
            : [];
        int slotsPerFrame = slots?.SlotsPerFrame ?? 0;
        _slotsPerFrame = Math.Max(slotsPerFrame, 1);
        _pendingCount = 0;
        return new FollowState(cell, slots, new List<UeRnti>(_configuration.Rntis), counts)
        {
            Carrier = carrier,
            Monitor = monitor,
            UeRntis = ueRntis,
            UeRequestsPerRnti = slotsPerFrame,
            UeRequests = new PdcchSearchRequest?[slotsPerFrame * ueRntis.Length],
        };
    }

    /// <summary>
    /// The demodulator of the whole carrier (CRB 0 .. N_RB − 1 at the common SCS): point A lies k_SSB·15 kHz and
    /// N_CRB^SSB common RBs below the block's first subcarrier (TS 38.211 §4.4.4.2, §7.4.3.1), the carrier centre
    /// 6·N_RB·Δf above point A.
    /// </summary>
    private BandDemodulator? CarrierDemodulator(CellContext cell, string option, out string? problem)
    {
        problem = null;
        if (cell.SsbCommonRb is not int ssbCommonRb || cell.CarrierPrbs is not int carrierPrbs)
        {
            problem = $"{option}: the carrier (point A and N_RB) is not known; give --dl-arfcn and --prb";
            return null;
        }

        double scsHz = cell.CommonScsKhz * 1e3;
        double ssbFirstHz = cell.Candidate.FrequencyHz - (120 * cell.Candidate.SubcarrierSpacingKhz * 1e3);
        double pointAHz = ssbFirstHz - (cell.KSsb * 15e3) - (ssbCommonRb * NrConstants.SubcarriersPerRb * scsHz);
        double halfWidthHz = carrierPrbs * NrConstants.SubcarriersPerRb / 2 * scsHz;
        double centreHz = pointAHz + halfWidthHz;
        if (Math.Abs(centreHz - _configuration.CenterFrequencyHz) + halfWidthHz > _configuration.SampleRateHz / 2)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"{option}: the carrier ({(centreHz - halfWidthHz) / 1e6:F3}..{(centreHz + halfWidthHz) / 1e6:F3} MHz) is not inside the recorded band; its PDCCH/PDSCH are not followed");
            return null;
        }

        try
        {
            return new BandDemodulator(_configuration.SampleRateHz, _configuration.CenterFrequencyHz, cell.CommonScsKhz / 30, 0, carrierPrbs, centreHz);
        }
        catch (ArgumentException ex)
        {
            problem = $"{option}: " + ex.Message.Split(" (Parameter", 2)[0];
            return null;
        }
    }

    /// <summary>
    /// Acquires the cell in <paramref name="samples"/> and returns the state to follow it slot by slot with
    /// <see cref="FollowSlot"/> (the per-slot path on its own, for allocation tests and benchmarks), or null when no cell.
    /// </summary>
    internal FollowState? StartFollowing(ReadOnlySpan<ComplexF32> samples)
    {
        CellContext? cell = Acquire(samples, out _, out _);
        return cell is null ? null : StartFollowing(cell, new Counts());
    }

    /// <summary>
    /// The per-slot path: slot <paramref name="slot"/> of frame <paramref name="frame"/> (counted from the recording's first
    /// frame start, which may be negative) is demodulated and searched when anything is to be searched in it.
    /// </summary>
    internal void FollowSlot(ReadOnlySpan<ComplexF32> samples, FollowState state, long frame, int slot, Action<UeDownlinkItem> report, long origin = 0)
    {
        CellContext cell = state.Cell;
        SlotDemodulator slots = state.Slots!;
        bool si = IsType0Occasion(cell, slots, frame, slot);
        if (!si && state.Rntis.Count == 0 && cell.RaRntis.Count == 0 && cell.TemporaryCRntis.Count == 0 && state.Carrier is null)
        {
            return;
        }

        long slotStart = cell.FrameStart + (frame * cell.SamplesPerFrame) + slots.SlotOffsetInFrame(slot);
        if (slotStart < origin || slotStart + slots.SlotSampleCount(slot) > origin + samples.Length)
        {
            return;
        }

        int sfn = cell.SfnKnown ? (int)(((cell.SfnAtFrameStart + frame) % 1024 + 1024) % 1024) : -1;
        Counts counts = state.Counts;
        long t1 = Stopwatch.GetTimestamp();
        slots.Demodulate(samples, slotStart, slot, cell.FrequencyOffsetHz, origin);
        counts.DemodulationTicks += Stopwatch.GetTimestamp() - t1;
        counts.Slots++;
        var at = new SlotContext(frame, sfn, slot, slotStart);
        bool carrierNeeded = state.Carrier is not null && (state.Monitor is not null || _configuration.Dedicated is not null || CommonCoresetMonitored(state, slots, at) || PendingOnCarrier(at));
        if (carrierNeeded)
        {
            long t0 = Stopwatch.GetTimestamp();
            state.Carrier!.Demodulate(samples, at.SampleIndex, at.Slot, cell.FrequencyOffsetHz, origin);
            counts.DemodulationTicks += Stopwatch.GetTimestamp() - t0;
        }

        if (_pendingCount > 0)
        {
            ReceivePendingGrants(state, at, report);
        }

        SearchSlot(slots, state, at, si, state.Monitor is null, report);
        if (carrierNeeded)
        {
            if (state.Monitor is CoresetMonitor monitor && state.Rntis.Count > 0)
            {
                SearchCoreset(monitor, state, at, report);
            }

            if (_configuration.Dedicated is not null)
            {
                SearchUeSpecific(state, at, report);
            }
        }

        if (_slotsOutdated)
        {
            _slotsOutdated = false;
            state.Slots = SlotDemodulator.TryCreate(_configuration, cell, out _) ?? slots;
        }

        if (cell.Sib1Followed && !state.CommonCoresetResolved)
        {
            MonitorCommonCoreset(state);
        }
    }

    /// <summary>
    /// Once SIB1 is followed: when its ra-SearchSpace or pagingSearchSpace is on commonControlResourceSet, the carrier is
    /// demodulated (point A from offsetToPointA or the description; N_RB from --prb or SIB1's carrier) and that CORESET
    /// monitored in the initial downlink BWP (TS 38.213 §10.1); otherwise the search spaces are dropped with the reason.
    /// </summary>
    private void MonitorCommonCoreset(FollowState state)
    {
        state.CommonCoresetResolved = true;
        CellContext cell = state.Cell;
        RrcControlResourceSet? coreset = cell.RaSearchSpace?.Coreset ?? cell.PagingSearchSpace?.Coreset;
        if (coreset is null || state.Slots is not SlotDemodulator slots)
        {
            return;
        }

        cell.CarrierPrbs ??= cell.Sib1CarrierPrbs;
        string? problem = null;
        state.Carrier ??= CarrierDemodulator(cell, "--dl-arfcn/--prb", out problem);
        if (state.Carrier is not null)
        {
            try
            {
                CoresetMonitor monitor = CoresetMonitor.FromSib1(state.Carrier, cell, coreset, cell.InitialBwpStartCrb, slots.Row.RbCount);
                int lastRb = monitor.Coreset.Configuration.FirstRb + (6 * monitor.Coreset.Configuration.FrequencyResources.Length);
                problem = lastRb > cell.CarrierPrbs ? $"commonControlResourceSet {coreset.Id} ends at CRB {lastRb - 1}, beyond the carrier's {cell.CarrierPrbs} RB (--prb)" : null;
                state.CommonCoreset = problem is null ? monitor : null;
            }
            catch (ArgumentException ex)
            {
                problem = $"commonControlResourceSet {coreset.Id}: {ex.Message.Split(" (Parameter", 2)[0]}";
            }
        }

        if (state.CommonCoreset is null)
        {
            cell.Problem ??= $"the search spaces on SIB1's commonControlResourceSet are not followed: {problem}";
            cell.RaSearchSpace = cell.RaSearchSpace?.Coreset is null ? cell.RaSearchSpace : null;
            cell.PagingSearchSpace = cell.PagingSearchSpace?.Coreset is null ? cell.PagingSearchSpace : null;
        }
    }

    /// <summary>Whether a search space on commonControlResourceSet has an occasion in this slot (then the carrier is demodulated).</summary>
    private static bool CommonCoresetMonitored(FollowState state, SlotDemodulator slots, SlotContext at)
    {
        if (state.CommonCoreset is null)
        {
            return false;
        }

        int frame = at.Sfn >= 0 ? at.Sfn : (int)(((at.Frame % 1024) + 1024) % 1024);
        return HasCommonCoresetOccasion(state.Cell.RaSearchSpace, frame, at.Slot, slots.SlotsPerFrame) || HasCommonCoresetOccasion(state.Cell.PagingSearchSpace, frame, at.Slot, slots.SlotsPerFrame);
    }

    private static bool HasCommonCoresetOccasion(UeSearchSpace? space, int frame, int slot, int slotsPerFrame)
    {
        if (space?.Coreset is null)
        {
            return false;
        }

        for (int i = 0; i < space.Occasions.Count; i++)
        {
            if (space.Occasions[i].IsMonitored(frame, slot, slotsPerFrame))
            {
                return true;
            }
        }

        return false;
    }

    private void DecodeBlocks(ReadOnlySpan<ComplexF32> samples, long origin, CellContext cell, long frame, int halfFrame, Action<UeDownlinkItem> report, Counts counts)
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
            if (first < origin || end > origin + samples.Length)
            {
                continue;
            }

            counts.Blocks++;
            SsbBlockDecode d = decoder.Decode(samples[(int)(first - origin)..(int)(end - origin)], first, cell.Pci);
            if (!d.Detected || Math.Abs(d.PssUsefulPartStart - expected) > margin)
            {
                continue;
            }

            int predictedSfn = (int)(((cell.SfnAtFrameStart + frame) % 1024 + 1024) % 1024);
            bool pbchOk = d.Pbch.CrcPassed && d.Pbch.Mib is not null && d.Pbch.SsbIndex == i && d.Pbch.HalfFrame == halfFrame;
            int sfn = pbchOk ? d.Pbch.Mib!.Value.SystemFrameNumber : predictedSfn;
            int ssbSlot = cell.FirstSymbols[i] / NrConstants.SymbolsPerSlotNormalCp + (halfFrame * 5 * (candidateSlotsPerSubframe(cell)));
            report(Item(UeDownlinkItemKind.Ssb, sfn, ssbSlot, d.Pci, d.PssUsefulPartStart) with
            {
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
            report(Item(UeDownlinkItemKind.Mib, mib.SystemFrameNumber, ssbSlot, d.Pci, d.PssUsefulPartStart) with
            {
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

    /// <summary>Whether slot <paramref name="slot"/> of frame <paramref name="frame"/> holds a Type0-PDCCH occasion of a decoded block (of any candidate block before one decoded; TS 38.213 §13).</summary>
    private static bool IsType0Occasion(CellContext cell, SlotDemodulator slots, long frame, int slot)
    {
        if (cell.Indices.Count > 0)
        {
            foreach (int i in cell.Indices)
            {
                if (IsType0Occasion(cell, slots, frame, slot, i))
                {
                    return true;
                }
            }

            return false;
        }

        for (int i = 0; i < cell.FirstSymbols.Length; i++)
        {
            if (IsType0Occasion(cell, slots, frame, slot, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsType0Occasion(CellContext cell, SlotDemodulator slots, long frame, int slot, int ssbIndex)
    {
        int slotsPerFrame = slots.SlotsPerFrame;
        int sfn = (int)(((cell.SfnAtFrameStart + frame) % 1024 + 1024) % 1024);
        Type0Occasion occasion = Type0PdcchCss.Occasion(cell.SearchSpaceZero, ssbIndex, slots.Mu, slots.Row.SymbolCount);
        for (int k = 0; k < 2; k++)
        {
            int absolute = occasion.Slot + k;
            int parity = (occasion.SfnParity + (absolute / slotsPerFrame)) % 2;
            if (absolute % slotsPerFrame == slot && (!cell.SfnKnown || sfn % 2 == parity))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The blind searches of one slot: SI-RNTI in a Type0-PDCCH occasion; RA-RNTIs (SIB1's and given) and Temporary C-RNTIs
    /// (learnt and given) in the Type1-PDCCH CSS of ra-SearchSpace; P-RNTIs in the Type2-PDCCH CSS of pagingSearchSpace; any
    /// RNTI whose search space is not known (no SIB1 yet, or given as C-RNTI) with the Type0 CSS candidates of CORESET#0 at
    /// symbol 0 in every slot.
    /// </summary>
    private void SearchSlot(SlotDemodulator slots, FollowState state, SlotContext at, bool si, bool otherOnCoreset0, Action<UeDownlinkItem> report)
    {
        CellContext cell = state.Cell;
        List<UeRnti> given = state.Rntis;
        Counts counts = state.Counts;
        if (si)
        {
            _group.Clear();
            _group.Add(new UeRnti(SiRnti, DciRntiType.SiRnti));
            SearchOccasion(slots, cell, at, Type0SearchSpace(cell, slots), "common0", _group, report, counts);
        }

        _randomAccess.Clear();
        _paging.Clear();
        _other.Clear();
        for (int i = 0; i < cell.RaRntis.Count; i++)
        {
            _randomAccess.Add(new UeRnti(cell.RaRntis[i], DciRntiType.RaRnti));
        }

        foreach (int tc in cell.TemporaryCRntis)
        {
            (cell.RaSearchSpace is null ? _other : _randomAccess).Add(new UeRnti(tc, DciRntiType.TcRnti));
        }

        foreach (UeRnti r in given)
        {
            // C-RNTI DCI 0_0/1_0 is monitored in the common search spaces the UE has (TS 38.213 §10.1): the Type1-PDCCH
            // CSS of ra-SearchSpace, and the Type2-PDCCH CSS of pagingSearchSpace when that is another search space.
            List<UeRnti> target = r.Type switch
            {
                DciRntiType.RaRnti or DciRntiType.TcRnti or DciRntiType.CRnti when cell.RaSearchSpace is not null => _randomAccess,
                DciRntiType.PRnti or DciRntiType.CRnti when cell.PagingSearchSpace is not null => _paging,
                _ => _other,
            };
            if ((si && r.Type == DciRntiType.SiRnti) || target.Contains(r))
            {
                continue;
            }

            target.Add(r);
            if (r.Type == DciRntiType.CRnti && target == _randomAccess && cell.PagingSearchSpace is { } paging && paging.Id != cell.RaSearchSpace!.Id && !_paging.Contains(r))
            {
                _paging.Add(r);
            }
        }

        Monitor(slots, state, at, cell.RaSearchSpace, _randomAccess, report);
        Monitor(slots, state, at, cell.PagingSearchSpace, _paging, report);
        if (_other.Count > 0 && otherOnCoreset0)
        {
            SearchOccasion(slots, cell, at, Type0AtSymbol(0), "CORESET#0 symbol 0", _other, report, counts);
        }
    }

    /// <summary>
    /// The described CORESET (<c>--coreset</c>) in one slot: every given RNTI's DCI 1_0 in its search space (one search for
    /// a common search space, one per RNTI, hashing with it, for a UE-specific one), and each PDSCH.
    /// </summary>
    private void SearchCoreset(CoresetMonitor monitor, FollowState state, SlotContext at, Action<UeDownlinkItem> report)
    {
        if (monitor.Common)
        {
            SearchOccasion(monitor, state.Cell, at, monitor.SearchSpace, monitor.Name, state.Rntis, report, state.Counts);
            return;
        }

        for (int i = 0; i < state.Rntis.Count; i++)
        {
            _group.Clear();
            _group.Add(state.Rntis[i]);
            SearchOccasion(monitor, state.Cell, at, monitor.SearchSpace, monitor.Name, _group, report, state.Counts);
        }
    }

    /// <summary>
    /// Searches <paramref name="rntis"/> in the occasions of <paramref name="space"/> that fall in this slot (TS 38.213
    /// §10.1, §13), on CORESET#0 or on commonControlResourceSet.
    /// </summary>
    private void Monitor(SlotDemodulator slots, FollowState state, SlotContext at, UeSearchSpace? space, List<UeRnti> rntis, Action<UeDownlinkItem> report)
    {
        CellContext cell = state.Cell;
        Counts counts = state.Counts;
        ICommonPdcchGrid? grid = space?.Coreset is null ? slots : state.CommonCoreset;
        if (space is null || rntis.Count == 0 || grid is null)
        {
            return;
        }

        if (space.IsSearchSpaceZero)
        {
            if (IsType0Occasion(cell, slots, at.Frame, at.Slot))
            {
                SearchOccasion(slots, cell, at, Type0SearchSpace(cell, slots), space.Name, rntis, report, counts);
            }

            return;
        }

        int frame = at.Sfn >= 0 ? at.Sfn : (int)(((at.Frame % 1024) + 1024) % 1024);
        for (int i = 0; i < space.Occasions.Count; i++)
        {
            if (space.Occasions[i].IsMonitored(frame, at.Slot, slots.SlotsPerFrame))
            {
                SearchOccasion(grid, cell, at, space.Occasions[i], space.Name, rntis, report, counts);
            }
        }
    }

    private void SearchOccasion(ICommonPdcchGrid slots, CellContext cell, SlotContext at, SearchSpaceConfiguration space, string name, List<UeRnti> rntis, Action<UeDownlinkItem> report, Counts counts)
    {
        int count = Math.Min(rntis.Count, _rntiValues.Length);
        for (int i = 0; i < count; i++)
        {
            _rntiValues[i] = (ushort)rntis[i].Rnti;
        }

        PdcchSearchRequest request = Request(slots, cell, space, at.Slot, space.Common ? 0 : rntis[0].Rnti);
        long t0 = Stopwatch.GetTimestamp();
        int found = _pdcch.Search(slots.Grid, 0, request, slots.DciSizeList, _rntiValues, count, _detections);
        counts.PdcchTicks += Stopwatch.GetTimestamp() - t0;
        for (int d = 0; d < found; d++)
        {
            PdcchDetection detection = _detections[d];
            UeRnti rnti = default;
            for (int i = 0; i < count; i++)
            {
                if (rntis[i].Rnti == detection.Rnti)
                {
                    rnti = rntis[i];
                    break;
                }
            }

            Dci1_0 dci = slots.DciSizes.Parse1_0(detection.Payload.AsSpan(0, slots.DciSizes.Size), rnti.Type);
            if (rnti.Type is DciRntiType.CRnti or DciRntiType.TcRnti && dci.Identifier == 0)
            {
                continue; // DCI format 0_0 (an uplink grant) of the same size: no PDSCH to follow
            }

            string? noPdsch = NoPdschReason(rnti.Type, dci);
            report(Item(UeDownlinkItemKind.Dci, cell, at) with
            {
                Rnti = rnti.Rnti,
                RntiType = rnti.Type,
                DciFormat = "1_0",
                Dci = dci,
                SearchSpace = name,
                AggregationLevel = detection.AggregationLevel,
                Cce = detection.FirstCce,
                Detail = noPdsch,
            });
            if (noPdsch is null)
            {
                DecodePdsch(slots, cell, at, rnti, dci, report, counts);
            }
        }
    }

    /// <summary>
    /// Why a DCI 1_0 schedules no PDSCH, or null when it does: a PDCCH order (TS 38.213 §8.1), or a P-RNTI DCI whose short
    /// messages indicator says short messages only or is reserved (TS 38.212 Table 7.3.1.2.1-1).
    /// </summary>
    private static string? NoPdschReason(DciRntiType type, in Dci1_0 dci) => type switch
    {
        DciRntiType.CRnti when dci.PdcchOrder => string.Create(CultureInfo.InvariantCulture, $"PDCCH order: random access with preamble {dci.RandomAccessPreambleIndex}, SS/PBCH {dci.SsbIndex}, PRACH mask {dci.PrachMaskIndex}; no PDSCH"),
        DciRntiType.PRnti when dci.ShortMessagesIndicator == 2 => string.Create(CultureInfo.InvariantCulture, $"short messages only (0x{dci.ShortMessages:x2}); no PDSCH"),
        DciRntiType.PRnti when dci.ShortMessagesIndicator == 0 => "short messages indicator 00 is reserved; no PDSCH",
        _ => null,
    };

    /// <summary>The Type0 CSS candidates (TS 38.213 Table 10.1-1: 4, 2, 1 at AL 4, 8, 16) at the first symbol of the lowest decoded block's occasion.</summary>
    private SearchSpaceConfiguration Type0SearchSpace(CellContext cell, SlotDemodulator slots)
    {
        int lowest = int.MaxValue;
        foreach (int i in cell.Indices)
        {
            lowest = Math.Min(lowest, i);
        }

        int symbol = Type0PdcchCss.Occasion(cell.SearchSpaceZero, lowest == int.MaxValue ? 0 : lowest, slots.Mu, slots.Row.SymbolCount).FirstSymbol;
        return Type0AtSymbol(symbol);
    }

    /// <summary>The Type0 CSS candidates at <paramref name="symbol"/>, built once per symbol.</summary>
    private SearchSpaceConfiguration Type0AtSymbol(int symbol) => _type0Spaces[symbol] ??= Type0PdcchCss.SearchSpace(symbol);

    /// <summary>The search request of <paramref name="space"/> on <paramref name="slots"/>' CORESET in slot <paramref name="slot"/> (hashing with <paramref name="hashingRnti"/>), built once.</summary>
    private PdcchSearchRequest Request(ICommonPdcchGrid slots, CellContext cell, SearchSpaceConfiguration space, int slot, int hashingRnti)
    {
        if (!_requests.TryGetValue((slots.Coreset, space, slot, hashingRnti), out PdcchSearchRequest? request))
        {
            request = new PdcchSearchRequest(slot, slots.Coreset, space, hashingRnti, 0, cell.Pci);
            _requests[(slots.Coreset, space, slot, hashingRnti)] = request;
        }

        return request;
    }

    /// <summary>The item every report starts from: kind, SFN, slot, PCI and sample index.</summary>
    private static UeDownlinkItem Item(UeDownlinkItemKind kind, CellContext cell, SlotContext at) => Item(kind, at.Sfn, at.Slot, cell.Pci, at.SampleIndex);

    private static UeDownlinkItem Item(UeDownlinkItemKind kind, int sfn, int slot, int pci, long sampleIndex) => new()
    {
        Kind = kind,
        Sfn = sfn,
        Slot = slot,
        Pci = pci,
        SampleIndex = sampleIndex,
    };

    private void DecodePdsch(ICommonPdcchGrid slots, CellContext cell, SlotContext at, UeRnti rnti, Dci1_0 dci, Action<UeDownlinkItem> report, Counts counts)
    {
        UeDownlinkItem item = Item(UeDownlinkItemKind.Pdsch, cell, at) with { Rnti = rnti.Rnti, RntiType = rnti.Type, Dci = dci, CrcPassed = false };
        bool siType0 = rnti.Type == DciRntiType.SiRnti;
        UeDownlinkAllocation? allocation = Dci1_0Allocation.Resolve(dci, slots.FdraBwpSize, cell.DmrsTypeAPosition, out string? problem, siType0 ? null : cell.PdschTimeDomainAllocations);
        if (allocation is null)
        {
            counts.PdschFailed++;
            report(item with { Detail = $"not decoded: {problem}" });
            return;
        }

        item = item with { Allocation = allocation };
        if (!siType0 && cell.SsbCommonRb is null)
        {
            counts.PdschFailed++;
            report(item with { Detail = "not decoded: the DM-RS reference point is point A (TS 38.211 §7.4.1.1.2), unknown without --dl-arfcn and --prb" });
            return;
        }

        if (allocation.K0 > 0)
        {
            // TS 38.214 §5.1.2.1: the PDSCH is in slot n + K0 (same numerology for PDCCH and PDSCH); kept until then.
            if (_pendingCount == _pending.Length)
            {
                counts.PdschFailed++;
                report(item with { Detail = string.Create(CultureInfo.InvariantCulture, $"not decoded: more than {_pending.Length} grants wait for a later slot") });
                return;
            }

            _pending[_pendingCount++] = new PendingGrant((at.Frame * _slotsPerFrame) + at.Slot + allocation.K0, slots, rnti, dci, allocation);
            return;
        }

        ReceivePdsch(slots, cell, at, rnti, dci, allocation, item, report, counts);
    }

    /// <summary>
    /// Decodes the grants whose PDSCH is in this slot (K0 slots after their DCI, TS 38.214 §5.1.2.1), after the grids were
    /// demodulated; drops grants whose slot has passed without being demodulated (the recording's end or a gap).
    /// </summary>
    private void ReceivePendingGrants(FollowState state, SlotContext at, Action<UeDownlinkItem> report)
    {
        long now = (at.Frame * _slotsPerFrame) + at.Slot;
        int kept = 0;
        for (int i = 0; i < _pendingCount; i++)
        {
            PendingGrant grant = _pending[i];
            if (grant.Slot == now)
            {
                UeDownlinkItem item = Item(UeDownlinkItemKind.Pdsch, state.Cell, at) with { Rnti = grant.Rnti.Rnti, RntiType = grant.Rnti.Type, Dci = grant.Dci, CrcPassed = false, Allocation = grant.Allocation };
                ICommonPdcchGrid grid = grant.Grid is SlotDemodulator ? state.Slots! : grant.Grid; // CORESET#0's band may have been rebuilt when point A became known
                ReceivePdsch(grid, state.Cell, at, grant.Rnti, grant.Dci, grant.Allocation, item, report, state.Counts);
            }
            else if (grant.Slot > now)
            {
                _pending[kept++] = grant;
            }
        }

        for (int i = kept; i < _pendingCount; i++)
        {
            _pending[i] = default;
        }

        _pendingCount = kept;
    }

    /// <summary>Whether a grant waits for this slot on the carrier (then the carrier is demodulated).</summary>
    private bool PendingOnCarrier(SlotContext at)
    {
        long now = (at.Frame * _slotsPerFrame) + at.Slot;
        for (int i = 0; i < _pendingCount; i++)
        {
            if (_pending[i].Slot == now && _pending[i].Grid is CoresetMonitor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Receives the PDSCH of a resolved DCI 1_0 allocation in slot <paramref name="at"/> of <paramref name="slots"/>' grid.</summary>
    private void ReceivePdsch(ICommonPdcchGrid slots, CellContext cell, SlotContext at, UeRnti rnti, Dci1_0 dci, UeDownlinkAllocation allocation, UeDownlinkItem item, Action<UeDownlinkItem> report, Counts counts)
    {
        bool siType0 = rnti.Type == DciRntiType.SiRnti;
        PdschConfiguration configuration = slots.PdschFor(cell, allocation, rnti.Rnti, siType0, at.Slot);
        if (!InFrequencyOrder(configuration.PrbSet))
        {
            // TS 38.211 §7.3.1.5 fills the VRBs in VRB order; the shared-channel layout fills PRBs in frequency order, so an
            // interleaved allocation whose PRBs are not ascending cannot be demapped (yet): said, not guessed.
            counts.PdschFailed++;
            report(item with { Detail = $"not decoded: the interleaved VRBs land on PRBs {string.Join(",", configuration.PrbSet)} out of frequency order (TS 38.211 §7.3.1.5 maps in VRB order; only ascending PRB sets are demapped)" });
            return;
        }

        IReadOnlyList<string> problems = configuration.Validate();
        if (problems.Count > 0)
        {
            counts.PdschFailed++;
            report(item with { Detail = "not decoded: " + string.Join("; ", problems) });
            return;
        }

        HarqTransmission? harq = rnti.Type is DciRntiType.CRnti or DciRntiType.TcRnti ? new HarqTransmission(rnti.Rnti, dci.HarqProcess, dci.NewDataIndicator) : null;
        if (ReceiveTransportBlock(configuration, slots.Grid, at.Slot, dci.RedundancyVersion, item, report, counts, harq) is not byte[] payload)
        {
            return;
        }

        int tbs = payload.Length * 8;
        if (rnti.Type == DciRntiType.RaRnti)
        {
            ReportRandomAccessResponses(cell, at, rnti, payload, report);
        }

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

            string? following = sib1 is not null && !cell.Sib1Followed ? FollowSib1(cell, sib1) : null;
            report(Item(UeDownlinkItemKind.Sib1, cell, at) with
            {
                Rnti = rnti.Rnti,
                RntiType = rnti.Type,
                CrcPassed = true,
                TransportBlockSize = tbs,
                Payload = payload,
                Detail = sib1 is not null ? Sib1Decoder.Summarize(sib1) + following : $"SIB1 ASN.1 not decoded: {error}",
            });
        }
    }

    /// <summary>
    /// Decodes one transport block and reports the PDSCH item: with the payload only when the transport block CRC and
    /// every code block CRC passed (then returned), else with <c>crc: false</c> (null returned).
    /// </summary>
    private byte[]? ReceiveTransportBlock(PdschConfiguration configuration, ResourceGrid grid, int slot, int redundancyVersion, UeDownlinkItem item, Action<UeDownlinkItem> report, Counts counts, HarqTransmission? harq = null)
    {
        SharedChannelCodingParameters parameters = _pdsch.CodingParameters(configuration);
        int tbs = parameters.TransportBlockSize;
        var bits = new byte[tbs];
        long t0 = Stopwatch.GetTimestamp();
        SharedChannelSoftBuffer buffer;
        bool newData = true;
        int earlier = 0;
        if (harq is HarqTransmission h)
        {
            buffer = _harq.Prepare(h.Rnti, h.Process, h.Ndi, parameters, out newData, out earlier);
            item = item with { HarqProcess = h.Process, RedundancyVersion = redundancyVersion, Combined = !newData };
        }
        else
        {
            buffer = _pdsch.CreateSoftBuffer(configuration);
            item = item with { RedundancyVersion = redundancyVersion };
        }

        SharedChannelReceiveResult result = _pdsch.Receive(configuration, grid, slot, redundancyVersion, buffer, newData, bits);
        counts.PdschTicks += Stopwatch.GetTimestamp() - t0;
        counts.Pdsch++;
        if (!newData)
        {
            string combined = string.Create(CultureInfo.InvariantCulture, $"RV {redundancyVersion} combined with {earlier} earlier transmission(s) of HARQ process {harq!.Value.Process}");
            item = item with { Detail = item.Detail is null ? combined : $"{item.Detail}; {combined}" };
        }

        item = item with { TransportBlockSize = tbs, CrcPassed = result.CrcPassed, SnrDb = result.Measurements.SnrDb, EvmPercent = result.Measurements.EvmPercent };
        if (!result.CrcPassed)
        {
            counts.PdschFailed++;
            report(item);
            return null;
        }

        var payload = new byte[BitPacking.PackedLength(tbs)];
        BitPacking.Pack(bits, payload);
        counts.PdschDecoded++;
        report(item with { Payload = payload });
        return payload;
    }

    /// <summary>
    /// The dedicated downlink of one slot: the whole carrier demodulated, the UE-specific search space on CORESET#1 searched
    /// for the C-RNTI's DCI 1_1 (TS 38.212 §7.3.1.2.2; hashing with the C-RNTI, TS 38.213 §10.1), and each DCI's PDSCH
    /// decoded: FDRA type 1 over the carrier (TS 38.214 §5.1.2.2.2), TDRA row of default table A, MCS of the configured
    /// table, RV. A DCI whose identifier bit says 0_1 (uplink) is not reported.
    /// </summary>
    private void SearchUeSpecific(FollowState state, SlotContext at, Action<UeDownlinkItem> report)
    {
        UeDedicatedDownlink ue = _configuration.Dedicated!;
        for (int r = 0; r < state.UeRntis.Length; r++)
        {
            SearchUeSpecific(ue, state, at, r, report);
        }
    }

    /// <summary>Searches the UE-specific search space of the C-RNTI <paramref name="rntiIndex"/> of <see cref="FollowState.UeRntis"/> (its own hashing) for DCI 1_1 and decodes each PDSCH.</summary>
    private void SearchUeSpecific(UeDedicatedDownlink ue, FollowState state, SlotContext at, int rntiIndex, Action<UeDownlinkItem> report)
    {
        CellContext cell = state.Cell;
        int rnti = state.UeRntis[rntiIndex];
        _ueRnti[0] = (ushort)rnti;
        int requestIndex = (rntiIndex * state.UeRequestsPerRnti) + at.Slot;
        PdcchSearchRequest request = state.UeRequests[requestIndex] ??= new PdcchSearchRequest(at.Slot, ue.Coreset, ue.SearchSpace, rnti, 0, cell.Pci);
        long t0 = Stopwatch.GetTimestamp();
        int found = _pdcch.Search(state.Carrier!.Grid, 0, request, ue.DciSizes, _ueRnti, 1, _detections);
        state.Counts.PdcchTicks += Stopwatch.GetTimestamp() - t0;
        DciFieldLayout f = ue.Dci1_1;
        for (int d = 0; d < found; d++)
        {
            PdcchDetection detection = _detections[d];
            ReadOnlySpan<byte> payload = detection.Payload.AsSpan(0, ue.DciSizes[0]);
            if (DciFieldLayout.Read(payload, f["Identifier for DCI formats"]) != 1)
            {
                continue;
            }

            int tb1 = DciFieldLayout.Read(payload, f["TB1: MCS, NDI, RV"]);
            var fields = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                ["fdra"] = DciFieldLayout.Read(payload, f["Frequency domain resource assignment"]),
                ["tdra"] = DciFieldLayout.Read(payload, f["Time domain resource assignment"]),
                ["mcs"] = tb1 >> 3,
                ["ndi"] = (tb1 >> 2) & 1,
                ["rv"] = tb1 & 3,
                ["harq"] = DciFieldLayout.Read(payload, f["HARQ process number"]),
                ["antennaPorts"] = DciFieldLayout.Read(payload, f["Antenna ports"]),
                ["k1Indicator"] = DciFieldLayout.Read(payload, f["PDSCH-to-HARQ feedback timing indicator"]),
            };
            report(Item(UeDownlinkItemKind.Dci, cell, at) with
            {
                Rnti = rnti,
                RntiType = DciRntiType.CRnti,
                DciFormat = "1_1",
                DciFields = fields,
                SearchSpace = "ue (CORESET#1)",
                AggregationLevel = detection.AggregationLevel,
                Cce = detection.FirstCce,
            });
            DecodeUePdsch(ue, state, at, rnti, fields, report);
        }
    }

    private void DecodeUePdsch(UeDedicatedDownlink ue, FollowState state, SlotContext at, int rnti, Dictionary<string, int> dci, Action<UeDownlinkItem> report)
    {
        Counts counts = state.Counts;
        UeDownlinkItem item = Item(UeDownlinkItemKind.Pdsch, state.Cell, at) with { Rnti = rnti, RntiType = DciRntiType.CRnti, DciFields = dci, CrcPassed = false };
        string? problem = null;
        McsEntry mcs = McsTables.Lookup(ue.McsTable, dci["mcs"]);
        if (!ue.TryGetPdsch(at.Sfn, at.Slot, out PdschConfiguration? template))
        {
            problem = "the engine's test UE has no PDSCH configuration for this slot's SS/PBCH symbols";
        }
        else if (ResourceIndicatorValue.Decode(dci["fdra"], ue.CarrierPrbs) is not (int start, int length))
        {
            problem = $"FDRA {dci["fdra"]} is not a resource indication value over {ue.CarrierPrbs} RB";
        }
        else if (mcs.IsReserved)
        {
            problem = $"MCS {dci["mcs"]} is reserved (a retransmission needs the first transmission's modulation)";
        }
        else
        {
            (bool typeA, int s, int l) = Ts38214Table5_1_2_1_1_2.Row(dci["tdra"], ue.DmrsTypeAPosition);
            var allocation = new UeDownlinkAllocation(start, length, s, l, typeA, mcs.ModulationOrder, dci["mcs"], mcs.TargetCodeRate);
            PdschConfiguration configuration = template! with
            {
                NRnti = rnti,
                PrbSet = [.. Enumerable.Range(start, length)],
                StartSymbol = s,
                SymbolCount = l,
                MappingType = typeA ? SchMappingType.A : SchMappingType.B,
                Modulation = ModulationSchemeExtensions.FromBitsPerSymbol(mcs.ModulationOrder),
                TargetCodeRate = mcs.TargetCodeRate,
            };
            IReadOnlyList<string> problems = configuration.Validate();
            if (problems.Count == 0)
            {
                _ = ReceiveTransportBlock(configuration, state.Carrier!.Grid, at.Slot, dci["rv"], item with { Allocation = allocation }, report, counts, new HarqTransmission(rnti, dci["harq"], dci["ndi"]));
                return;
            }

            problem = string.Join("; ", problems);
        }

        counts.PdschFailed++;
        report(item with { Detail = $"not decoded: {problem}" });
    }

    /// <summary>Reports each MAC RAR of a decoded random-access response and follows its Temporary C-RNTI (0x0001..0xFFEF, TS 38.321 Table 7.1-1).</summary>
    private void ReportRandomAccessResponses(CellContext cell, SlotContext at, UeRnti rnti, byte[] payload, Action<UeDownlinkItem> report)
    {
        _rars.Clear();
        int backoff = MacRar.Read(payload, _rars);
        foreach (MacRar rar in _rars)
        {
            report(Item(UeDownlinkItemKind.Rar, cell, at) with
            {
                Rnti = rnti.Rnti,
                RntiType = rnti.Type,
                Rar = rar,
                CrcPassed = true,
                Detail = backoff >= 0 ? string.Create(CultureInfo.InvariantCulture, $"backoff indicator {backoff}") : null,
            });
            if (rar.TemporaryCRnti is >= 1 and <= 0xFFEF && !cell.TemporaryCRntis.Contains(rar.TemporaryCRnti) && cell.TemporaryCRntis.Count < MaxTemporaryCRntis)
            {
                cell.TemporaryCRntis.Add(rar.TemporaryCRnti);
            }
        }
    }

    /// <summary>
    /// Takes from the first decoded SIB1 what following the cell needs: ra-SearchSpace and pagingSearchSpace (on CORESET#0 or
    /// commonControlResourceSet in the initial downlink BWP),
    /// the RA-RNTIs of its PRACH configuration, and pdsch-TimeDomainAllocationList. Returns what it follows (or why not) for
    /// the SIB1 report.
    /// </summary>
    private static string FollowSib1(CellContext cell, Sib1 sib1)
    {
        cell.Sib1Followed = true;
        cell.PdschTimeDomainAllocations = sib1.PdschTimeDomainAllocations;
        ScsSpecificCarrier? carrier = sib1.DownlinkCarriers.FirstOrDefault(c => c.SubcarrierSpacingKhz == cell.CommonScsKhz);
        cell.InitialBwpStartCrb = (carrier?.OffsetToCarrier ?? 0) + (sib1.InitialDownlinkBwp?.StartRb ?? 0);
        cell.Sib1CarrierPrbs = carrier is null ? null : carrier.OffsetToCarrier + carrier.CarrierBandwidth;
        var notes = new List<string>();
        if (sib1.PdcchConfigCommon is not PdcchConfigCommon pdcch)
        {
            return "; not followed: SIB1 has no pdcch-ConfigCommon";
        }

        if (pdcch.RaSearchSpace is int ra)
        {
            cell.RaSearchSpace = UeSearchSpace.Resolve(pdcch, ra, "ra", out string? problem);
            if (cell.RaSearchSpace is not null)
            {
                cell.RaRntis = PrachRaRntis.From(sib1, out problem);
                notes.Add(problem is null
                    ? $"following {cell.RaSearchSpace.Name} for RA-RNTI {string.Join(",", cell.RaRntis.Select(r => r.ToString(CultureInfo.InvariantCulture)))} and TC-RNTIs from RARs"
                    : $"RA-RNTIs not derived: {problem}");
            }
            else
            {
                notes.Add($"random access not followed: {problem}");
            }
        }

        if (pdcch.PagingSearchSpace is int paging)
        {
            cell.PagingSearchSpace = UeSearchSpace.Resolve(pdcch, paging, "paging", out string? problem);
            notes.Add(cell.PagingSearchSpace is not null ? $"P-RNTI (--rnti-type p) in {cell.PagingSearchSpace.Name}" : $"paging not followed: {problem}");
        }

        return notes.Count > 0 ? "; " + string.Join("; ", notes) : "";
    }

    private static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

    /// <summary>A DCI 1_0 whose PDSCH is in a later slot (K0 &gt; 0): that slot's index from the recording's first frame, the grid, RNTI, DCI and allocation.</summary>
    private readonly record struct PendingGrant(long Slot, ICommonPdcchGrid Grid, UeRnti Rnti, Dci1_0 Dci, UeDownlinkAllocation Allocation);

    private static bool InFrequencyOrder(IReadOnlyList<int> prbs)
    {
        for (int i = 1; i < prbs.Count; i++)
        {
            if (prbs[i] <= prbs[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The HARQ process of a transmission: RNTI, HARQ process number and new data indicator of its DCI.</summary>
    private readonly record struct HarqTransmission(int Rnti, int Process, int Ndi);

    /// <summary>Where a slot is: frame index in the recording, SFN (−1 when unknown), slot in the frame, first sample.</summary>
    private readonly record struct SlotContext(long Frame, int Sfn, int Slot, long SampleIndex);

    /// <summary>What following a cell slot by slot needs between slots.</summary>
    internal sealed class FollowState(CellContext cell, SlotDemodulator? slots, List<UeRnti> rntis, Counts counts)
    {
        /// <summary>The cell.</summary>
        public CellContext Cell { get; } = cell;

        /// <summary>The slot demodulator (null when CORESET#0 cannot be received; replaced when point A becomes known).</summary>
        public SlotDemodulator? Slots { get; set; } = slots;

        /// <summary>The RNTIs given besides SI-RNTI.</summary>
        public List<UeRnti> Rntis { get; } = rntis;

        /// <summary>The counters and timings.</summary>
        public Counts Counts { get; } = counts;

        /// <summary>The whole carrier's demodulator for the dedicated downlink, a described CORESET and SIB1's commonControlResourceSet (null without any).</summary>
        public BandDemodulator? Carrier { get; set; }

        /// <summary>SIB1's commonControlResourceSet on <see cref="Carrier"/> when a followed search space is on it, or null.</summary>
        public CoresetMonitor? CommonCoreset { get; set; }

        /// <summary>Whether SIB1's search spaces on commonControlResourceSet have been resolved (monitored or dropped).</summary>
        public bool CommonCoresetResolved { get; set; }

        /// <summary>The described CORESET (<c>--coreset</c>) on <see cref="Carrier"/>, or null.</summary>
        public CoresetMonitor? Monitor { get; init; }

        /// <summary>The C-RNTIs searched for DCI 1_1 in the UE-specific search space (the dedicated UE's first).</summary>
        public int[] UeRntis { get; init; } = [];

        /// <summary>Slots per frame: the stride of <see cref="UeRequests"/> per RNTI.</summary>
        public int UeRequestsPerRnti { get; init; }

        /// <summary>The UE-specific search request of each RNTI and slot of the frame (built on first use).</summary>
        public PdcchSearchRequest?[] UeRequests { get; init; } = [];
    }

    internal sealed class Counts
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
