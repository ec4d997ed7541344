using System;
using OpenRan.Dsp.Randomness;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Ssb;
using OpenRan.Simulation.Randomness;

namespace OpenRan.Simulation.Integrity;

/// <summary>The PBCH receiver on one SS/PBCH block of noise (random N_ID^cell, L_max = 8): a false detection is an MIB.</summary>
internal sealed class PbchFalseDetectionTrial : FalseDetectionTrial
{
    private const int ListSize = 8;
    private readonly PbchReceiver _receiver = new(ListSize);
    private readonly ResourceGrid _grid = new(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount);

    public override string Description => "PBCH receiver, one SS/PBCH block (240 × 4 REs) of noise, random N_ID^cell, L_max 8: DM-RS DTX test (P_FA 1e-3), CA-SCL-8, CRC24C; a false detection is an MIB";

    // The DTX test's false alarms times the chance that one of the L list paths passes the CRC24C.
    public override double DesignBound => PbchReceiver.DefaultDtxFalseAlarmProbability * ListSize * Math.Pow(2, -24);

    public override (bool FalseDetection, bool SignalDetected) Run(ComplexGaussianSource noise, RandomStream random)
    {
        noise.Generate(_grid.Port(0), 1.0);
        PbchReceiveResult result = _receiver.Receive(_grid, 0, 0, 0, random.NextInt32(1008), 8);
        return (result.CrcPassed || result.Mib is not null, result.SignalDetected);
    }
}
