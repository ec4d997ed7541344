using System;
using System.Collections.Generic;

namespace OpenRan.Dsp.Implementations;

/// <summary>
/// A family of interchangeable implementations of one interface, chosen once by name (STYLE.md §6, ARCHITECTURE.md
/// "Implementation choice"). Each factory holds one; adding an implementation (for example an AVX-512 variant) is one
/// more <see cref="ImplementationEntry{TImplementation, TArguments}"/> in its registration list, fastest first.
/// </summary>
/// <typeparam name="TImplementation">The interface every implementation provides (the factory's return type).</typeparam>
/// <typeparam name="TArguments">What a creation takes.</typeparam>
/// <remarks>Immutable after construction and safe to share between threads; creating implementations is a setup-time operation.</remarks>
public sealed class ImplementationFamily<TImplementation, TArguments> : IImplementationFamily
    where TImplementation : class
{
    private readonly ImplementationEntry<TImplementation, TArguments>[] _entries;
    private readonly string[] _implementations;
    private readonly string[] _names;

    /// <summary>Creates the family.</summary>
    /// <param name="component">What it implements, for messages and <c>openran info</c>.</param>
    /// <param name="entries">The implementations, fastest first; the last must run everywhere (the scalar reference).</param>
    public ImplementationFamily(string component, params ImplementationEntry<TImplementation, TArguments>[] entries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Length == 0)
        {
            throw new ArgumentException("a family needs at least one implementation.", nameof(entries));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (ImplementationEntry<TImplementation, TArguments> entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry);
            if (entry.Name != ImplementationNames.Normalize(entry.Name) || entry.Name == ImplementationNames.Auto || !names.Add(entry.Name))
            {
                throw new ArgumentException($"implementation name '{entry.Name}' must be lower case, unique and not '{ImplementationNames.Auto}'.", nameof(entries));
            }
        }

        Component = component;
        _entries = entries;
        _implementations = Array.ConvertAll(entries, e => e.Name);
        _names = [ImplementationNames.Auto, .. _implementations];
    }

    /// <inheritdoc />
    public string Component { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Implementations => _implementations;

    /// <inheritdoc />
    public IReadOnlyList<string> Names => _names;

    /// <inheritdoc />
    public IReadOnlyList<string> Available
    {
        get
        {
            var available = new List<string>(_entries.Length);
            foreach (ImplementationEntry<TImplementation, TArguments> entry in _entries)
            {
                if (entry.IsSupported())
                {
                    available.Add(entry.Name);
                }
            }

            return available;
        }
    }

    /// <inheritdoc />
    public string AutoChoice => AutoEntry(default, anyArguments: true).Name;

    /// <inheritdoc />
    public string Resolve(string name) => Find(name, nameof(name)).Name;

    /// <summary>Creates the implementation <paramref name="name"/> stands for, with <paramref name="arguments"/>.</summary>
    /// <param name="name"><c>auto</c> or an implementation name (trimmed, case-insensitive).</param>
    /// <param name="arguments">The creation arguments.</param>
    /// <param name="parameterName">The caller's parameter name for the exception.</param>
    /// <exception cref="ArgumentException">An unknown name, or one this machine cannot run.</exception>
    public TImplementation Create(string name, TArguments arguments, string parameterName = "implementation")
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        ImplementationEntry<TImplementation, TArguments> entry = ImplementationNames.Normalize(name) == ImplementationNames.Auto
            ? AutoEntry(arguments, anyArguments: false)
            : Find(name, parameterName);
        return entry.Create(arguments);
    }

    /// <summary>Whether <paramref name="name"/> is <c>auto</c> or an implementation that runs here.</summary>
    public bool IsAvailable(string name)
    {
        if (name is null)
        {
            return false;
        }

        string key = ImplementationNames.Normalize(name);
        if (key == ImplementationNames.Auto)
        {
            return true;
        }

        ImplementationEntry<TImplementation, TArguments>? entry = Array.Find(_entries, e => e.Name == key);
        return entry is not null && entry.IsSupported();
    }

    /// <summary>The text listing the valid and the available names, as used in error messages.</summary>
    public string DescribeNames() => $"valid: {string.Join(", ", _names)}; available here: {string.Join(", ", [ImplementationNames.Auto, .. Available])}";

    private ImplementationEntry<TImplementation, TArguments> Find(string name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        string key = ImplementationNames.Normalize(name);
        if (key == ImplementationNames.Auto)
        {
            return AutoEntry(default, anyArguments: true);
        }

        ImplementationEntry<TImplementation, TArguments>? entry = Array.Find(_entries, e => e.Name == key);
        if (entry is null)
        {
            throw new ArgumentException($"unknown {Component} '{name}'; {DescribeNames()}.", parameterName);
        }

        if (!entry.IsSupported())
        {
            string needs = entry.Requirement.Length > 0 ? $" needs {entry.Requirement}, which this machine (or its DOTNET_Enable* settings) does not provide" : " cannot run on this machine";
            throw new ArgumentException($"{Component} '{entry.Name}'{needs}; {DescribeNames()}.", parameterName);
        }

        return entry;
    }

    /// <summary>The first supported entry that accepts the arguments (or every argument when <paramref name="anyArguments"/>).</summary>
    private ImplementationEntry<TImplementation, TArguments> AutoEntry(TArguments? arguments, bool anyArguments)
    {
        foreach (ImplementationEntry<TImplementation, TArguments> entry in _entries)
        {
            if (entry.IsSupported() && (anyArguments || entry.Accepts is null || entry.Accepts(arguments!)))
            {
                return entry;
            }
        }

        throw new InvalidOperationException($"no {Component} implementation runs on this machine; the scalar reference must always be registered last.");
    }
}
