using System.Collections.Generic;
using System.Globalization;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// UL-SCH transport block encoding (TS 38.212 §6.2: CRC, segmentation, LDPC, rate matching with rv 0 and N_cb = N,
/// interleaving, concatenation) against Sionna's <c>TBEncoder</c> (<c>sionna/nr/tb_encoder</c>): <c>u_ref</c> encoded for
/// G = len(<c>c_ref_no_scr</c>), Q_m, N_L and the target rate (which selects the base graph) must equal <c>c_ref_no_scr</c>.
/// </summary>
public sealed class SionnaTransportBlockEncodeCheck : IConformanceCheck
{
    private readonly SharedChannelEncoder _encoder = new();

    /// <inheritdoc />
    public string Category => "ulsch-sionna";

    /// <inheritdoc />
    public string Description => "UL-SCH transport block encoding before scrambling (TS 38.212 §6.2), Sionna";

    /// <inheritdoc />
    public string RelativeFolder => "sionna/nr/tb_encoder";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.npz");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        NpzArchive npz = NpzArchive.Load(caseId);
        byte[] block = npz["u_ref"].ToBits();
        byte[] expected = npz["c_ref_no_scr"].ToBits();
        double rate = npz["coderate"].ScalarDouble;
        int qm = npz["num_bits_per_symbol"].ScalarInt32;
        int layers = npz["num_layers"].ScalarInt32;
        var parameters = new SharedChannelCodingParameters(block.Length, rate, qm, layers, LimitedBufferRateMatching.Disabled);
        var coded = new byte[expected.Length];
        _encoder.Encode(block, parameters, 0, coded);
        string? diff = Compare.FirstDifference<byte>(coded, expected, "coded bit");
        return diff is null
            ? CaseResult.Pass(string.Create(CultureInfo.InvariantCulture, $"A = {block.Length}, G = {expected.Length}, BG{(int)parameters.BaseGraph}, C = {parameters.Segmentation.CodeBlockCount}"))
            : CaseResult.Fail(diff);
    }
}
