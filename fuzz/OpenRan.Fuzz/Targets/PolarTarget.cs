using System;
using System.Collections.Generic;
using OpenRan.Phy.Upper.ChannelCoding.Polar;
using OpenRan.Phy.Upper.ChannelCoding.Uci;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Fuzz.Targets;

/// <summary>
/// Polar decoding on arbitrary LLRs through the three codecs that use it (byte 0): UCI (<see cref="UciPolarDecoder"/>;
/// bytes 1–2 A, 3–4 E_UCI), BCH (<see cref="BchCodec"/>; bytes 1–2 N_ID^cell, 3 L_max) and DCI (<see cref="DciCodec"/>;
/// byte 1 the payload size, 2 the aggregation level). Then one byte of LLR format (<see cref="FuzzInput.Llrs(int, Span{float})"/>)
/// and the LLRs. Parameter combinations outside the code's domain (TS 38.212 §5.3.1, §6.3.1.2.1) are skipped; within it,
/// decoding must return a verdict for any LLR values.
/// </summary>
internal sealed class PolarTarget : FuzzTarget
{
    private static readonly int[] s_lMax = [4, 8, 64];
    private static readonly ushort[] s_rntis = [0xFFFF, 0x1234];
    private readonly UciPolarDecoder _uci = new();
    private readonly BchCodec _bch = new();
    private readonly DciCodec _dci = new();
    private readonly float[] _llrs = new float[2 * PolarCode.MaxRateMatchedLength];
    private readonly byte[] _payload = new byte[1706];
    private readonly Dictionary<(int Payload, int E), bool> _dciCodes = [];

    public override string Name => "polar";

    public override string Description => "byte 0: UCI, BCH or DCI codec, then its parameters, an LLR format byte and the LLRs";

    public override void Run(ReadOnlySpan<byte> input)
    {
        var reader = new FuzzInput(input);
        switch (reader.Choose(3))
        {
            case 0:
                RunUci(ref reader);
                break;
            case 1:
                RunBch(ref reader);
                break;
            default:
                RunDci(ref reader);
                break;
        }
    }

    public override IEnumerable<FuzzSeed> Seeds(IReadOnlyList<string> vectorRoots)
    {
        var random = new Random(9);
        yield return new FuzzSeed("uci-a20-e100", new SeedBuilder().Header(0, 20, 0, 100, 0, 1).RandomBytes(random, 100).ToArray());
        yield return new FuzzSeed("uci-a400-e1200-two-blocks", new SeedBuilder().Header(0, 0x90, 0x01, 0xB0, 0x04, 1).RandomBytes(random, 1200).ToArray());
        yield return new FuzzSeed("uci-erased", new SeedBuilder().Header(0, 12, 0, 64, 0, 1).ToArray());
        yield return new FuzzSeed("bch-lmax8", new SeedBuilder().Header(1, 0x41, 0x01, 1, 1).RandomBytes(random, BchCodec.E).ToArray());
        yield return new FuzzSeed("bch-erased", new SeedBuilder().Header(1, 0, 0, 0, 1).ToArray());
        yield return new FuzzSeed("dci-size39-level4", new SeedBuilder().Header(2, 38, 2, 1).RandomBytes(random, 432).ToArray());
        var strong = new float[216];
        Array.Fill(strong, 20f);
        yield return new FuzzSeed("dci-float-all-zero-bits", new SeedBuilder().Header(2, 20, 1, 0).Floats(strong).ToArray());
    }

    private void RunUci(ref FuzzInput reader)
    {
        int a = 12 + (reader.UInt16() % (1706 - 11));
        int e = 1 + (reader.UInt16() % (2 * PolarCode.MaxRateMatchedLength));
        int format = reader.Byte();
        var parameters = UciPolarParameters.Create(a, e);
        // The code exists for K_r + n_PC ≤ E_r ≤ 8192 (n_PC = 3 parity-check bits for 12 ≤ A ≤ 19, TS 38.212 §6.3.1.3.1).
        int nPc = a <= 19 ? 3 : 0;
        if (parameters.Er < parameters.Kr + nPc || parameters.Er > PolarCode.MaxRateMatchedLength)
        {
            return;
        }

        Span<float> llrs = _llrs.AsSpan(0, e);
        reader.Llrs(format, llrs);
        bool passed = _uci.Decode(llrs, _payload.AsSpan(0, a));
        ThrowIfDecodedFromErasures(llrs, passed);
    }

    private void RunBch(ref FuzzInput reader)
    {
        int nIdCell = reader.UInt16() % 1008;
        int lMax = s_lMax[reader.Choose(s_lMax.Length)];
        int format = reader.Byte();
        Span<float> llrs = _llrs.AsSpan(0, BchCodec.E);
        reader.Llrs(format, llrs);
        BchDecodeResult result = _bch.Decode(llrs, lMax, nIdCell);
        ThrowIfDecodedFromErasures(llrs, result.CrcPassed);
    }

    private void RunDci(ref FuzzInput reader)
    {
        int payloadSize = 1 + reader.Choose(140);
        int e = 108 << reader.Choose(5);
        int format = reader.Byte();
        if (!_dciCodes.TryGetValue((payloadSize, e), out bool valid))
        {
            try
            {
                _dci.Code(payloadSize, e);
                valid = true;
            }
            catch (ArgumentException)
            {
                valid = false;
            }

            _dciCodes[(payloadSize, e)] = valid;
        }

        if (!valid)
        {
            return;
        }

        Span<float> llrs = _llrs.AsSpan(0, e);
        reader.Llrs(format, llrs);
        (int rnti, _) = _dci.Decode(llrs, payloadSize, s_rntis, s_rntis.Length, _payload.AsSpan(0, _dci.Code(payloadSize, e).K - 24));
        ThrowIfDecodedFromErasures(llrs, rnti >= 0);
    }

    private void ThrowIfDecodedFromErasures(ReadOnlySpan<float> llrs, bool passed)
    {
        if (!FalseDecodeCheck.Enabled || !passed)
        {
            return;
        }

        foreach (float v in llrs)
        {
            if (float.IsFinite(v) && MathF.Abs(v) >= 1e-30f)
            {
                return;
            }
        }

        throw new InvalidOperationException($"{Name}: all-erased LLRs were reported decoded (false decode).");
    }
}
