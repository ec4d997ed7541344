using System;
using System.Linq;
using OpenRan.Dsp.Randomness;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;
using OpenRan.Simulation.Randomness;

namespace OpenRan.Simulation.Integrity;

/// <summary>
/// The PUSCH or PDSCH receive chain on one slot of noise: 4 PRBs, 14 symbols, QPSK at rate 0.3, 1 layer, 1 receive antenna,
/// a new transport block with a random redundancy version (1–3 skip systematic bits); a false detection is a decoded block.
/// </summary>
internal sealed class SharedChannelFalseDetectionTrial : FalseDetectionTrial
{
    private const int Prbs = 4;
    private readonly SharedChannelReceiver _receiver = new(1, 1);
    private readonly ResourceGrid _grid = new(1, 14, Prbs * 12);
    private readonly SharedChannelConfiguration _configuration;
    private readonly SharedChannelSoftBuffer _buffer;
    private readonly byte[] _block;
    private readonly bool _downlink;

    public SharedChannelFalseDetectionTrial(bool downlink)
    {
        _downlink = downlink;
        int[] prbs = [.. Enumerable.Range(0, Prbs)];
        _configuration = downlink
            ? new PdschConfiguration
            {
                Numerology = 1, NSizeGrid = Prbs, NSizeBwp = Prbs, PrbSet = prbs, Modulation = ModulationScheme.Qpsk, TargetCodeRate = 0.3,
                NRnti = 0x4601, NId = 10, Dmrs = new DmrsConfiguration { Ports = [0], ScramblingId0 = 10, ScramblingId1 = 10 },
            }
            : new PuschConfiguration
            {
                Numerology = 1, NSizeGrid = Prbs, NSizeBwp = Prbs, PrbSet = prbs, Modulation = ModulationScheme.Qpsk, TargetCodeRate = 0.3,
                NRnti = 0x4601, NId = 10, Dmrs = new DmrsConfiguration { Ports = [0], ScramblingId0 = 10, ScramblingId1 = 10 },
            };
        _buffer = _receiver.CreateSoftBuffer(_configuration);
        _block = new byte[_receiver.TransportBlockSize(_configuration)];
    }

    private int CrcLength => _block.Length > 3824 ? 24 : 16;

    public override string Description => $"{(_downlink ? "PDSCH" : "PUSCH")} receive chain, {Prbs} PRB × 14 symbols, QPSK, TBS {_block.Length} (CRC{CrcLength}), 1 layer, 1 Rx, random RV, on noise: DM-RS DTX test (P_FA {_receiver.Demodulator.DtxFalseAlarmProbability:G3}), LDPC parity checks and CRC; a false detection is a decoded transport block";

    // Every LDPC parity check of the final word and the CRC must hold: at most 2^−L_CRC, far less with the parity checks.
    public override double DesignBound => Math.Pow(2, -CrcLength);

    public override (bool FalseDetection, bool SignalDetected) Run(ComplexGaussianSource noise, RandomStream random)
    {
        noise.Generate(_grid.Port(0), 1.0);
        SharedChannelReceiveResult result = _receiver.Receive(_configuration, _grid, random.NextInt32(20), random.NextInt32(4), _buffer, newData: true, _block);
        return (result.CrcPassed, result.Measurements.SignalDetected);
    }
}
