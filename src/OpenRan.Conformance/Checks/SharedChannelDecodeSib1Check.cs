using System;
using System.Collections.Generic;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// The DL-SCH receive chain on a real SIB1 transport block decoded by MATLAB (<c>py3gpp/ldpc.json</c>, AGPL data read in
/// place; BG2, QPSK, R = 0.3701, rv 0, A = 640, CRC16): the channel LLRs <c>cw</c> rate-recovered must give <c>raterec</c>
/// (fillers known, untransmitted positions 0), LDPC decoding must give <c>decBits</c>, and the transport block decoder must
/// return <c>sib1bits</c> with a passing CRC. Every LDPC decoder implementation available here is run.
/// </summary>
public sealed class SharedChannelDecodeSib1Check : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "dlsch-decode-sib1";

    /// <inheritdoc />
    public string Description => "DL-SCH decoding of a real SIB1: rate recovery, LDPC decoding, CRC (TS 38.212 §7.2), MATLAB via py3gpp";

    /// <inheritdoc />
    public string RelativeFolder => "py3gpp";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "ldpc.json");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        Py3gppVectorFile file = Py3gppVectorFile.Load(caseId);
        double[] cw = file["cw"].ToDoubles();
        double[] rateRecovered = file["raterec"].ToDoubles();
        byte[] decodedBits = ToBits(file["decBits"].ToDoubles());
        byte[] sib1 = ToBits(file["sib1bits"].ToDoubles());

        // Quantize so that the largest channel LLR maps to 100 (the channel LLRs are on an arbitrary scale).
        double largest = 0;
        foreach (double v in cw)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }

        float scale = (float)(100 / largest);
        var llrs = new sbyte[cw.Length];
        for (int i = 0; i < cw.Length; i++)
        {
            llrs[i] = LogLikelihoodRatio.Quantize((float)cw[i], scale);
        }

        var parameters = new SharedChannelCodingParameters(sib1.Length, 0.3701, 2, 1, LimitedBufferRateMatching.FromReferenceLength(SharedChannelEncodeCheck.MatlabDlschReferenceLength));
        LdpcCode code = parameters.Segmentation.Code;
        if (code.CodewordLength != rateRecovered.Length)
        {
            return CaseResult.Fail($"N = {code.CodewordLength} (BG{(int)code.BaseGraph}, Z_c = {code.LiftingSize}); raterec has {rateRecovered.Length}");
        }

        // Rate recovery (TS 38.212 §5.4.2 inverted).
        var buffer = LdpcCircularBuffer.ForCodeBlock(code, parameters.Segmentation.CodeBlockInformationLength, parameters.CircularBufferLength, 0);
        var soft = new sbyte[buffer.Length];
        LdpcRateDematcher.Reset(buffer, soft);
        int filled = LdpcRateDematcher.Dematch(llrs, buffer, 2, soft);
        for (int i = 0; i < soft.Length; i++)
        {
            sbyte expected = double.IsInfinity(rateRecovered[i])
                ? (rateRecovered[i] > 0 ? LogLikelihoodRatio.Infinity : (sbyte)-LogLikelihoodRatio.Infinity)
                : LogLikelihoodRatio.Quantize((float)rateRecovered[i], scale);
            if (soft[i] != expected)
            {
                return CaseResult.Fail($"rate-recovered LLR {i} = {soft[i]}, expected {expected} (raterec {rateRecovered[i]:G6})");
            }
        }

        string names = string.Empty;
        foreach (string implementation in LdpcDecoderFactory.Available)
        {
            ILdpcDecoder ldpc = LdpcDecoderFactory.Create(implementation, LdpcDecoderOptions.Default);
            var bits = new byte[code.InformationLength];
            ldpc.Decode(soft.AsSpan(0, filled), bits, code);
            string? diff = Compare.FirstDifference<byte>(bits, decodedBits, $"{implementation}: LDPC-decoded bit");
            if (diff is not null)
            {
                return CaseResult.Fail(diff);
            }

            var decoder = new SharedChannelDecoder(ldpc);
            var block = new byte[sib1.Length];
            SharedChannelDecodeResult result = decoder.Decode(llrs, parameters, 0, new SharedChannelSoftBuffer(1, parameters.CircularBufferLength), newData: true, block);
            diff = Compare.FirstDifference<byte>(block, sib1, $"{implementation}: SIB1 bit");
            if (diff is not null || !result.CrcPassed)
            {
                return CaseResult.Fail(diff ?? $"{implementation}: transport block CRC failed");
            }

            names += (names.Length == 0 ? string.Empty : ", ") + $"{implementation} ({result.MaxIterations} it.)";
        }

        return CaseResult.Pass($"A = {sib1.Length}, E = {cw.Length}, CRC16 passed; decoders: {names}");
    }

    private static byte[] ToBits(double[] values) => Array.ConvertAll(values, v => v switch
    {
        0 => (byte)0,
        1 => (byte)1,
        _ => throw new InvalidOperationException($"{v} is not a bit."),
    });
}
