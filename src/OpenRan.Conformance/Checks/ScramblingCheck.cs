using System.Collections.Generic;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// PUSCH bit scrambling (TS 38.211 §6.3.1.1, c_init = n_RNTI·2^15 + n_ID, one codeword) against Sionna's transport-block
/// vectors (<c>sionna/nr/tb_encoder</c>): scrambling <c>c_ref_no_scr</c> must give <c>c_ref</c> bit for bit.
/// </summary>
public sealed class ScramblingCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "scrambling";

    /// <inheritdoc />
    public string Description => "Gold sequence and PUSCH scrambling (TS 38.211 §5.2.1, §6.3.1.1)";

    /// <inheritdoc />
    public string RelativeFolder => "sionna/nr/tb_encoder";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.npz");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        NpzArchive npz = NpzArchive.Load(caseId);
        uint nRnti = (uint)npz["n_rnti"].ScalarInt32;
        uint nId = (uint)npz["n_id"].ScalarInt32;
        byte[] unscrambled = npz["c_ref_no_scr"].ToBits();
        byte[] expected = npz["c_ref"].ToBits();
        var scrambled = new byte[unscrambled.Length];
        new PseudoRandomSequence((nRnti << 15) + nId).ApplyXor(unscrambled, scrambled);
        string? diff = Compare.FirstDifference<byte>(scrambled, expected, "scrambled bits");
        return diff is null ? CaseResult.Pass($"{scrambled.Length} bits, c_init = {(nRnti << 15) + nId}") : CaseResult.Fail(diff);
    }
}
