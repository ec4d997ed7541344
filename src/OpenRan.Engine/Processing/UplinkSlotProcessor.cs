using System;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Radio.Streaming;

namespace OpenRan.Engine.Processing;

/// <summary>
/// The uplink of one slot, antenna samples to results: OFDM demodulation per receive antenna (TS 38.211 §5.3, §5.4), then
/// each expected PUSCH (channel estimation, equalization, demapping, UL-SCH decoding with HARQ combining; TS 38.211
/// §6.3.1, TS 38.212 §6.2) with its measurements. PUCCH and PRACH plug in here when their processors are merged. One
/// instance per worker; processing allocates nothing.
/// </summary>
public sealed class UplinkSlotProcessor
{
    private readonly ResourceGrid _grid;
    private readonly OfdmDemodulator _ofdm;
    private readonly SharedChannelReceiver _pusch;
    private readonly byte[] _bits;
    private readonly int _antennas;
    private readonly float _inverseScale;

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
        _inverseScale = (float)(1 / cell.Options.Radio.BasebandScale);
    }

    /// <summary>The received grid of the last processed slot.</summary>
    public ResourceGrid Grid => _grid;

    /// <summary>A HARQ soft buffer for PUSCHs of <paramref name="configuration"/> (allocates; at start-up only).</summary>
    public SharedChannelSoftBuffer CreateSoftBuffer(PuschConfiguration configuration) => _pusch.CreateSoftBuffer(configuration);

    /// <summary>Demodulates <paramref name="input"/> and decodes what <paramref name="plan"/> expects into <paramref name="results"/>.</summary>
    public void Process(UplinkSlotPlan plan, SampleBlock<ComplexF32> input, UplinkSlotResults results)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(results);
        results.Reset(plan.Slot);
        int slot = plan.Slot.Slot;
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
            ReceivePusch(pdu, slot, result);
        }
    }

    private void ReceivePusch(PuschPdu pdu, int slot, PuschResult result)
    {
        PuschConfiguration config = pdu.Configuration;
        int tbs = _pusch.TransportBlockSize(config);
        Span<byte> bits = _bits.AsSpan(0, tbs);
        SharedChannelReceiveResult r = _pusch.Receive(config, _grid, slot, pdu.RedundancyVersion, pdu.SoftBuffer, pdu.NewData, bits);
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
    }
}
