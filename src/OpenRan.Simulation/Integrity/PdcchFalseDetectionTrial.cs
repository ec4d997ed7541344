using System;
using OpenRan.Dsp.Randomness;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Simulation.Randomness;

namespace OpenRan.Simulation.Integrity;

/// <summary>
/// The PDCCH blind search on a slot of noise: CORESET#0 of 48 RBs (15 kHz, Table 13-1 index 6), a UE-specific search space
/// of 16 candidates at aggregation levels 1, 2, 4 and 8, two DCI sizes and four RNTIs; a false detection is any DCI found.
/// </summary>
internal sealed class PdcchFalseDetectionTrial : FalseDetectionTrial
{
    private const int ListSize = 8;
    private const int Candidates = 16;
    private static readonly ushort[] s_rntis = [0xFFFF, 0x4601, 0x1234, 0x0001];
    private readonly PdcchReceiver _receiver = new(ListSize);
    private readonly ResourceGrid _grid = new(1, 14, 12 * 52);
    private readonly PdcchDetection[] _results = [new PdcchDetection(), new PdcchDetection()];
    private readonly Coreset _coreset;
    private readonly SearchSpaceConfiguration _space;
    private readonly int[] _sizes;

    public PdcchFalseDetectionTrial()
    {
        Coreset0Row row = Ts38213Table13.Coreset0(15, 15, Type0CoresetBandClass.Default, 6)!.Value;
        _coreset = new Coreset(Type0PdcchCss.Coreset0(row, 2 + row.OffsetRbs, 0, 500));
        _space = new SearchSpaceConfiguration(1, false, 1, 0, 1, 0, [6, 4, 4, 2, 0]);
        int size = new DciSizes0_0And1_0(row.RbCount, 52, true).Size;
        _sizes = [size, size + 3];
    }

    public override string Description => "PDCCH blind search, CORESET#0 48 RB, 16 candidates (AL 1-8), 2 DCI sizes, 4 RNTIs, on noise: DM-RS DTX test per candidate (P_FA 1e-2), CA-SCL-8, RNTI-masked CRC24C; a false detection is a search that finds a DCI";

    // Per search: the candidates passing the DTX test, each decoded for every size, each decode matching one of the RNTIs
    // through one of the L list paths with probability about 2^−24.
    public override double DesignBound => Candidates * PdcchReceiver.DefaultDtxFalseAlarmProbability * _sizes.Length * s_rntis.Length * ListSize * Math.Pow(2, -24);

    public override (bool FalseDetection, bool SignalDetected) Run(ComplexGaussianSource noise, RandomStream random)
    {
        for (int l = 0; l < 3; l++)
        {
            noise.Generate(_grid.Symbol(0, l), 1.0);
        }

        var request = new PdcchSearchRequest(random.NextInt32(20), _coreset, _space, 0x4601, 0, 500);
        int found = _receiver.Search(_grid, 0, request, _sizes, s_rntis, s_rntis.Length, _results);
        return (found > 0, _receiver.LastDecodeCount > 0);
    }
}
