using System;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Prach;
using OpenRan.Phy.Upper.Channels.Pucch;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Radio.Streaming;

namespace OpenRan.Engine.Processing;

/// <summary>
/// The uplink of one slot, antenna samples to results: OFDM demodulation per receive antenna (TS 38.211 §5.3, §5.4), then
/// each expected PUSCH (channel estimation, equalization, demapping, UL-SCH decoding with HARQ combining; TS 38.211
/// §6.3.1, TS 38.212 §6.2) with its measurements, each expected PUCCH (TS 38.211 §6.3.2, TS 38.213 §9.2: DTX detection,
/// HARQ-ACK bits; <see cref="PucchReceiver"/>), and each PRACH occasion searched for preambles in the time-domain
/// samples (TS 38.211 §6.3.3, <see cref="PrachDetector"/>) with the timing advance of each detection. One instance per
/// worker; processing allocates nothing.
/// </summary>
public sealed class UplinkSlotProcessor
{
    private readonly ResourceGrid _grid;
    private readonly OfdmDemodulator _ofdm;
    private readonly SharedChannelReceiver _pusch;
    private readonly byte[] _bits;
    private readonly int _antennas;
    private readonly float _inverseScale;
    private readonly PrachDetector? _prach;
    private readonly ComplexF32[] _prachSamples = [];
    private readonly PrachDetection[] _detections = new PrachDetection[64];
    private readonly PucchReceiver _pucch = new();
    private readonly PucchConfiguration[] _pucchConfigurations;
    private readonly PucchConfiguration[]? _commonPucch;
    private readonly PucchUciMessage _uci = new();
    private readonly PuschUciMessage _puschUci = new();
    private readonly sbyte[] _llrs;

    /// <summary>Builds the OFDM plan, grid and receivers for <paramref name="cell"/>.</summary>
    public UplinkSlotProcessor(CellSetup cell, int maxTransportBlockBytes)
    {
        ArgumentNullException.ThrowIfNull(cell);
        _antennas = cell.Options.Antennas.Rx;
        _grid = new ResourceGrid(_antennas, NrConstants.SymbolsPerSlotNormalCp, cell.NRb * NrConstants.SubcarriersPerRb);
        _grid.Configure(_antennas, NrConstants.SymbolsPerSlotNormalCp, cell.NRb, 0);
        int minCp = cell.Timing.CyclicPrefixLength(1);
        _ofdm = new OfdmDemodulator(new OfdmConfiguration
        {
            Timing = cell.Timing,
            NSizeGrid = cell.NRb,
            CarrierFrequencyHz = cell.UplinkCenterHz,
            Scaling = OfdmScaling.Unitary,
            FftWindowOffsetSamples = minCp / 4,
        });
        var options = new SharedChannelReceiverOptions
        {
            Ldpc = new LdpcDecoderOptions(cell.Options.Engine.LdpcIterations),
            MeasureEvm = true,
        };
        _pusch = new SharedChannelReceiver(_antennas, Math.Max(1, cell.Uplink.Layers), options);
        _bits = new byte[maxTransportBlockBytes * 8];
        _llrs = new sbyte[SharedChannelDataMapper.MaxCodewordLength(Math.Max(1, cell.Uplink.Layers))];
        _inverseScale = (float)(1 / cell.Options.Radio.BasebandScale);
        _pucchConfigurations = new PucchConfiguration[cell.Options.Pucch.Count];
        for (int i = 0; i < _pucchConfigurations.Length; i++)
        {
            _pucchConfigurations[i] = CellPucch.Configuration(cell, i, cell.Options.TestUe.Rnti);
        }

        _commonPucch = CellPucch.CommonConfigurations(cell);
        if (cell.Options.Prach.Enabled)
        {
            PrachTiming timing = new CellPrach(cell).Timing;
            _prach = new PrachDetector(timing, new PrachDetectorConfiguration { ReceiveAntennaCount = _antennas, TimingAdvanceNumerology = cell.Numerology.Mu });
            _prachSamples = new ComplexF32[_antennas * timing.MaxOccasionSamples];
        }
    }

    /// <summary>
    /// Builds the layout (and UCI multiplexing plan) of a PUSCH configuration the scheduler may expect (Msg3, the test UE's,
    /// with each HARQ-ACK size) before the first slot that carries it, so that slot allocates nothing; other
    /// configurations are ignored. At start-up only.
    /// </summary>
    public void Prepare(SharedChannelConfiguration configuration)
    {
        if (configuration is PuschConfiguration)
        {
            _pusch.Prepare(configuration);
        }
    }

    /// <summary>The received grid of the last processed slot.</summary>
    public ResourceGrid Grid => _grid;

    /// <summary>A HARQ soft buffer for PUSCHs of <paramref name="configuration"/> (allocates; at start-up only).</summary>
    public SharedChannelSoftBuffer CreateSoftBuffer(PuschConfiguration configuration) => _pusch.CreateSoftBuffer(configuration);

    /// <summary>This worker's transport-block decoder (a helper decodes the second half of another worker's code blocks with it).</summary>
    public SharedChannelDecoder TransportBlockDecoder => _pusch.TransportBlockDecoder;

    /// <summary>
    /// Demodulates <paramref name="input"/> and decodes what <paramref name="plan"/> expects into <paramref name="results"/>;
    /// with <paramref name="split"/>, each PUSCH's code blocks are shared with a helper worker (<see cref="CodeBlockSplit"/>).
    /// </summary>
    public void Process(UplinkSlotPlan plan, SampleBlock<ComplexF32> input, UplinkSlotResults results, CodeBlockSplit? split = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(results);
        results.Reset(plan.Slot);
        int slot = plan.Slot.Slot;
        foreach (PrachOccasionPdu occasion in plan.Prach)
        {
            DetectPrach(occasion, input, results);
        }

        if (plan.PuschCount == 0 && plan.PucchCount == 0)
        {
            return;
        }

        for (int port = 0; port < _antennas; port++)
        {
            _ofdm.Demodulate(input[port], slot, _grid, port);
        }

        for (int p = 0; p < _antennas; p++)
        {
            Span<ComplexF32> re = _grid.Port(p);
            ComplexKernels.Scale(re, _inverseScale, re);
        }

        foreach (PuschPdu pdu in plan.Pusch)
        {
            PuschResult result = results.AddPusch();
            ReceivePusch(pdu, slot, result, split);
        }

        foreach (PucchPdu pdu in plan.Pucch)
        {
            ReceivePucch(pdu, slot, results.AddPucch());
        }
    }

    private void ReceivePucch(PucchPdu pdu, int slot, PucchResult result)
    {
        result.From(pdu);
        PucchConfiguration config = pdu.CommonResource >= 0 && _commonPucch is not null ? _commonPucch[pdu.CommonResource] : _pucchConfigurations[pdu.Resource];
        var sizes = new PucchUciSizes(pdu.HarqAckBits);
        _uci.Reset(sizes);
        PucchReceiveResult r = _pucch.Receive(_grid, config, sizes, slot, _uci);
        result.Dtx = r.Status == PucchDetectionStatus.Dtx;
        result.Valid = r.IsValid;
        if (result.Valid)
        {
            _uci.HarqAck.CopyTo(result.HarqAck);
        }
    }

    private void DetectPrach(in PrachOccasionPdu pdu, SampleBlock<ComplexF32> input, UplinkSlotResults results)
    {
        if (_prach is null)
        {
            return;
        }

        // Antenna-major copy of the occasion (the detector reads N_CP + N_u samples per antenna from t_start^RA).
        int length = _prach.Timing.OccasionSamples(pdu.Occasion);
        int available = Math.Min(length, input.Count - pdu.OffsetSamples);
        if (available <= 0)
        {
            return;
        }

        for (int a = 0; a < _antennas; a++)
        {
            Span<ComplexF32> destination = _prachSamples.AsSpan(a * length, length);
            input[a].Slice(pdu.OffsetSamples, available).CopyTo(destination);
            destination[available..].Clear();
        }

        int found = _prach.Detect(_prachSamples.AsSpan(0, _antennas * length), length, pdu.Occasion, pdu.FrequencyIndex, _detections);
        for (int i = 0; i < found; i++)
        {
            PrachDetection d = _detections[i];
            results.AddPrach(new PrachDetectionResult(d.PreambleIndex, d.TimingAdvanceSamples, d.TimingAdvanceCommand, d.SnrDb, pdu));
        }
    }

    private void ReceivePusch(PuschPdu pdu, int slot, PuschResult result, CodeBlockSplit? split)
    {
        PuschConfiguration config = pdu.Configuration;
        int tbs = _pusch.TransportBlockSize(config);
        Span<byte> bits = _bits.AsSpan(0, tbs);
        SharedChannelReceiveResult r;
        SharedChannelCodingParameters coding = _pusch.CodingParameters(config);
        if (pdu.HarqAckBits > 0 && split is not null && coding.Segmentation.CodeBlockCount > 1 && config.MultiplexedUci?.UlschPresent == true)
        {
            // UCI on PUSCH (TS 38.212 §6.2.7, §6.3.2): the HARQ-ACK is demultiplexed and decoded here, and the UL-SCH's
            // G^UL-SCH LLRs are decoded with their code blocks shared with a helper, as a PUSCH without UCI.
            SharedChannelMeasurements m = _pusch.ReceiveUci(config, _grid, slot, _puschUci, _llrs, out PuschUciResult uci, out int g);
            r = new SharedChannelReceiveResult(split.Decode(_pusch.TransportBlockDecoder, _llrs, g, coding, pdu.RedundancyVersion, pdu.SoftBuffer, pdu.NewData, _bits), m, uci);
        }
        else if (pdu.HarqAckBits > 0)
        {
            // UCI on PUSCH without a helper: demultiplexed and decoded with the UL-SCH in one call.
            r = _pusch.Receive(config, _grid, slot, pdu.RedundancyVersion, pdu.SoftBuffer, pdu.NewData, bits, _puschUci);
        }
        else if (split is not null && coding.Segmentation.CodeBlockCount > 1)
        {
            int g = _pusch.Demodulator.CodewordLength(config);
            SharedChannelMeasurements m = _pusch.Demodulate(config, _grid, slot, _llrs.AsSpan(0, g));
            r = new SharedChannelReceiveResult(split.Decode(_pusch.TransportBlockDecoder, _llrs, g, coding, pdu.RedundancyVersion, pdu.SoftBuffer, pdu.NewData, _bits), m);
        }
        else
        {
            r = _pusch.Receive(config, _grid, slot, pdu.RedundancyVersion, pdu.SoftBuffer, pdu.NewData, bits);
        }

        result.Rnti = pdu.Rnti;
        result.RntiType = pdu.RntiType;
        result.HarqProcess = pdu.HarqProcess;
        result.RedundancyVersion = pdu.RedundancyVersion;
        result.Late = false;
        result.CrcPassed = r.CrcPassed;
        result.Dtx = r.Outcome == SharedChannelReceiveOutcome.Dtx;
        result.ErasedResourceElements = r.Measurements.ErasedResourceElements;
        result.TransportBlockBytes = tbs / 8;
        BitPacking.Pack(bits, result.TransportBlock.AsSpan(0, tbs / 8));
        result.SinrDb = r.Measurements.SinrDb;
        result.EvmPercent = r.Measurements.EvmPercent;
        result.TimingOffsetSeconds = r.Measurements.TimingOffsetSeconds;
        result.LdpcIterations = r.MaxIterations;
        result.HarqAckBits = pdu.HarqAckBits;
        pdu.HarqProcesses.AsSpan(0, pdu.HarqAckBits).CopyTo(result.HarqProcesses);
        result.HarqAckValid = pdu.HarqAckBits > 0 && r.Uci.HarqAck == UciPartStatus.Valid;
        if (result.HarqAckValid)
        {
            _puschUci.HarqAck.CopyTo(result.HarqAck);
        }
    }
}
