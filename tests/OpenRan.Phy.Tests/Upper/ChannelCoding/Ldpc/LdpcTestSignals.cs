using System;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;

namespace OpenRan.Phy.Tests.Upper.ChannelCoding.Ldpc;

/// <summary>Random messages, codewords and BPSK-over-AWGN LLRs for LDPC tests (seeded).</summary>
internal static class LdpcTestSignals
{
    /// <summary>A random message of K bits whose last <paramref name="fillers"/> bits are 0, and its codeword.</summary>
    public static (byte[] Message, byte[] Codeword) RandomCodeword(LdpcCode code, int fillers, Random random)
    {
        var message = new byte[code.InformationLength];
        for (int i = 0; i < message.Length - fillers; i++)
        {
            message[i] = (byte)random.Next(2);
        }

        var codeword = new byte[code.CodewordLength];
        new LdpcEncoder().Encode(message, codeword, code);
        return (message, codeword);
    }

    /// <summary>
    /// LLRs of the first <paramref name="length"/> codeword bits sent as BPSK over AWGN at <paramref name="snrDb"/> (Es/N0),
    /// 2y/σ² quantized with <paramref name="scale"/>; filler positions get +127.
    /// </summary>
    public static sbyte[] Llrs(byte[] codeword, int length, double snrDb, float scale, Random random, int fillerStart = 0, int fillerCount = 0)
    {
        double sigma = Math.Sqrt(1 / (2 * Math.Pow(10, snrDb / 10)));
        var llrs = new sbyte[length];
        for (int i = 0; i < length; i++)
        {
            double y = (1 - (2 * codeword[i])) + (sigma * StandardNormal.Next(random));
            llrs[i] = LogLikelihoodRatio.Quantize((float)(2 * y / (sigma * sigma)), scale);
        }

        for (int i = fillerStart; i < Math.Min(length, fillerStart + fillerCount); i++)
        {
            llrs[i] = LogLikelihoodRatio.Infinity;
        }

        return llrs;
    }

    /// <summary>Random int8 LLRs in [−<paramref name="range"/>, <paramref name="range"/>] biased towards the codeword's signs.</summary>
    public static sbyte[] NoisyLlrs(byte[] codeword, int length, int range, Random random)
    {
        var llrs = new sbyte[length];
        for (int i = 0; i < length; i++)
        {
            int v = random.Next(-range, range + 1) + (codeword[i] == 0 ? range / 3 : -range / 3);
            llrs[i] = (sbyte)Math.Clamp(v, -LogLikelihoodRatio.Max, LogLikelihoodRatio.Max);
        }

        return llrs;
    }

}
