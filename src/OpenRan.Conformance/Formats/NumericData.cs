using System;
using System.Linq;
using System.Numerics;
using OpenRan.Dsp;

namespace OpenRan.Conformance.Formats;

/// <summary>
/// A dense numeric array read from a reference file: real part and optional imaginary part held as <see cref="double"/>
/// (exact for every value the readers accept: integers up to 2^53 and all float32/float64 values), with typed views that
/// check the values fit.
/// </summary>
public abstract class NumericData
{
    private readonly double[] _real;
    private readonly double[]? _imag;

    /// <summary>Creates the array; <paramref name="imag"/> is null for real data.</summary>
    protected NumericData(string source, int[] shape, double[] real, double[]? imag)
    {
        Source = source;
        Shape = shape;
        _real = real;
        _imag = imag;
    }

    /// <summary>Where the array came from (file and variable), for error messages.</summary>
    public string Source { get; }

    /// <summary>The dimensions as stored.</summary>
    public int[] Shape { get; }

    /// <summary>The total number of elements.</summary>
    public int Count => _real.Length;

    /// <summary>Whether an imaginary part is present.</summary>
    public bool IsComplex => _imag is not null;

    /// <summary>The real parts in storage order (see the derived type for the order).</summary>
    public ReadOnlySpan<double> Real => _real;

    /// <summary>The imaginary parts in storage order; empty for real data.</summary>
    public ReadOnlySpan<double> Imag => _imag;

    /// <summary>The only element, as a double (real part).</summary>
    /// <exception cref="InvalidOperationException">The array does not hold exactly one element.</exception>
    public double ScalarDouble
    {
        get
        {
            if (Count != 1)
            {
                throw new InvalidOperationException($"{Source}: expected a scalar, found shape ({string.Join('x', Shape)}).");
            }

            return _real[0];
        }
    }

    /// <summary>The only element, as an integer.</summary>
    public int ScalarInt32 => ToInt32(ScalarDouble, 0);

    /// <summary>A copy of the real parts in storage order.</summary>
    public double[] ToDoubleArray() => (double[])_real.Clone();

    /// <summary>The real parts as integers; throws when a value is not an integer in the int32 range.</summary>
    public int[] ToInt32Array()
    {
        var result = new int[_real.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = ToInt32(_real[i], i);
        }

        return result;
    }

    /// <summary>The real parts as bits (0 or 1, one per byte); throws on any other value.</summary>
    public byte[] ToBits()
    {
        var result = new byte[_real.Length];
        for (int i = 0; i < result.Length; i++)
        {
            double v = _real[i];
            if (v != 0 && v != 1)
            {
                throw new InvalidOperationException($"{Source}: element {i} is {v}, not a bit (0 or 1).");
            }

            result[i] = (byte)v;
        }

        return result;
    }

    /// <summary>The values as double-precision complex numbers (imaginary part zero for real data).</summary>
    public Complex[] ToComplexArray()
    {
        var result = new Complex[_real.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = new Complex(_real[i], _imag is null ? 0 : _imag[i]);
        }

        return result;
    }

    /// <summary>The values rounded to single-precision complex numbers.</summary>
    public ComplexF32[] ToComplexF32Array()
    {
        var result = new ComplexF32[_real.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = new ComplexF32((float)_real[i], _imag is null ? 0f : (float)_imag[i]);
        }

        return result;
    }

    /// <summary>Describes the array, for example <c>double (1x432) complex</c>.</summary>
    public override string ToString() => $"({string.Join('x', Shape.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}){(IsComplex ? " complex" : string.Empty)}";

    private int ToInt32(double v, int index)
    {
        if (v != Math.Floor(v) || v < int.MinValue || v > int.MaxValue)
        {
            throw new InvalidOperationException($"{Source}: element {index} is {v}, not an int32 integer.");
        }

        return (int)v;
    }
}
