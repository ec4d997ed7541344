using System.Collections.Generic;

namespace OpenRan.Dsp.Fft;

/// <summary>Splits a transform length into radix passes.</summary>
internal static class FftFactorization
{
    /// <summary>
    /// The radices of <paramref name="length"/>, first pass first: radix-8 passes while 8 divides the power-of-two part (a
    /// leftover 2 turns an 8 into 4·4, a leftover 4 stays), then 3s, 5s and any remaining primes in increasing order. A
    /// radix 4 or 8 always comes first when 4 divides the length, which the vector plan requires (its first pass runs
    /// across butterfly groups and transposes).
    /// </summary>
    public static List<int> Radices(int length)
    {
        var radices = new List<int>();
        int n = length;
        int twos = 0;
        while ((n & 1) == 0)
        {
            n >>= 1;
            twos++;
        }

        int eights = twos / 3;
        int rest = twos % 3;
        var powerOfTwo = new List<int>();
        for (int i = 0; i < eights; i++)
        {
            powerOfTwo.Add(8);
        }

        if (rest == 2)
        {
            powerOfTwo.Add(4);
        }
        else if (rest == 1)
        {
            if (eights > 0)
            {
                // 8·2 → 4·4: two radix-4 passes are cheaper than a radix-8 and a radix-2 pass.
                powerOfTwo.RemoveAt(powerOfTwo.Count - 1);
                powerOfTwo.Add(4);
                powerOfTwo.Add(4);
            }
            else
            {
                powerOfTwo.Add(2);
            }
        }

        // Put a radix-4 pass first when there is one: its transposing first pass is the cheaper one.
        int four = powerOfTwo.IndexOf(4);
        if (four > 0)
        {
            powerOfTwo.RemoveAt(four);
            powerOfTwo.Insert(0, 4);
        }

        radices.AddRange(powerOfTwo);
        for (int p = 3; n > 1; p += 2)
        {
            while (n % p == 0)
            {
                radices.Add(p);
                n /= p;
            }

            if ((long)p * p > n && n > 1)
            {
                radices.Add(n);
                break;
            }
        }

        return radices;
    }

    /// <summary>The passes of <paramref name="length"/> with strides, group counts and twiddle offsets (r−1 twiddles per group).</summary>
    public static FftPass[] Passes(int length)
    {
        List<int> radices = Radices(length);
        var passes = new FftPass[radices.Count];
        int stride = 1;
        int offset = 0;
        int roots = 0;
        for (int i = 0; i < radices.Count; i++)
        {
            int r = radices[i];
            int groups = length / (r * stride);
            bool generic = r is not (2 or 3 or 4 or 5 or 8);
            passes[i] = new FftPass(r, stride, groups, offset, generic ? roots : -1);
            offset += groups * (r - 1);
            roots += generic ? r : 0;
            stride *= r;
        }

        return passes;
    }

    /// <summary>Total number of twiddles of <paramref name="passes"/>.</summary>
    public static int TwiddleCount(FftPass[] passes)
    {
        int count = 0;
        foreach (FftPass pass in passes)
        {
            count += pass.Groups * (pass.Radix - 1);
        }

        return count;
    }

    /// <summary>The largest generic radix of <paramref name="passes"/> (0 when there is none) and the size of their root table.</summary>
    public static (int LargestRadix, int RootCount) GenericRadices(FftPass[] passes)
    {
        int largest = 0;
        int roots = 0;
        foreach (FftPass pass in passes)
        {
            if (pass.IsGenericRadix)
            {
                largest = System.Math.Max(largest, pass.Radix);
                roots += pass.Radix;
            }
        }

        return (largest, roots);
    }
}
