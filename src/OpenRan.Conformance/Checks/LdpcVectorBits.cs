using OpenRan.Phy.Upper.ChannelCoding.Ldpc;

namespace OpenRan.Conformance.Checks;

/// <summary>Shared handling of LDPC reference bit vectors, where −1 (MATLAB) or '-' (srsRAN) marks a filler bit.</summary>
internal static class LdpcVectorBits
{
    /// <summary>Bits with fillers as 0, and the filler mask.</summary>
    public static (byte[] Bits, bool[] Fillers) WithFillers(int[] values)
    {
        var bits = new byte[values.Length];
        var fillers = new bool[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            fillers[i] = values[i] < 0;
            bits[i] = (byte)(values[i] > 0 ? 1 : 0);
        }

        return (bits, fillers);
    }

    /// <summary>Encodes <paramref name="message"/> and compares with <paramref name="expected"/> outside filler positions; null when equal.</summary>
    public static string? EncodeAndCompare(LdpcEncoder encoder, LdpcCode code, byte[] message, byte[] expected, bool[] fillers, string what)
    {
        if (message.Length != code.InformationLength || expected.Length != code.CodewordLength)
        {
            return $"{what}: message {message.Length} bits and codeword {expected.Length} bits; expected K = {code.InformationLength}, N = {code.CodewordLength}";
        }

        var codeword = new byte[code.CodewordLength];
        encoder.Encode(message, codeword, code);
        for (int i = 0; i < codeword.Length; i++)
        {
            if (!fillers[i] && codeword[i] != expected[i])
            {
                int differ = 0;
                for (int j = 0; j < codeword.Length; j++)
                {
                    differ += !fillers[j] && codeword[j] != expected[j] ? 1 : 0;
                }

                return $"BG{(int)code.BaseGraph} Z_c = {code.LiftingSize}: {what}[{i}] = {codeword[i]}, expected {expected[i]} ({differ} of {codeword.Length} differ)";
            }
        }

        return null;
    }
}
