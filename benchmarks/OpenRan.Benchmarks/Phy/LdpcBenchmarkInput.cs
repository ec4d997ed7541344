using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;

namespace OpenRan.Benchmarks.Phy;

/// <summary>Seeded LDPC inputs: a random message, its codeword and BPSK LLRs at 3 dB (×4 quantization).</summary>
internal static class LdpcBenchmarkInput
{
    public static (byte[] Message, byte[] Codeword, sbyte[] Llrs) Create(LdpcCode code, int llrCount)
    {
        var random = new Random(1234);
        var message = new byte[code.InformationLength];
        for (int i = 0; i < message.Length; i++)
        {
            message[i] = (byte)random.Next(2);
        }

        var codeword = new byte[code.CodewordLength];
        new LdpcEncoder().Encode(message, codeword, code);
        double sigma = Math.Sqrt(1 / (2 * Math.Pow(10, 0.3)));
        var llrs = new sbyte[llrCount];
        for (int i = 0; i < llrCount; i++)
        {
            double n = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            llrs[i] = LogLikelihoodRatio.Quantize((float)(2 * ((1 - (2 * codeword[i])) + (sigma * n)) / (sigma * sigma)), 4f);
        }

        return (message, codeword, llrs);
    }
}
