using DxCollab.Platform.Files;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Jobs;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Reminders;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DxCollab.Platform.Modules;

/// <summary>What a module registers, in the module kit's words. Each method also records what was declared
/// (<see cref="OptionsSection"/>, …) as a singleton, so tests can list every module's options sections, reminder
/// rules and jobs from the service collection instead of a hand-written list.</summary>
public sealed class ModuleServices(IDxModule module, IServiceCollection services)
{
    public IDxModule Module { get; } = module;

    /// <summary>The plain service collection, for the module's own services.</summary>
    public IServiceCollection Services { get; } = services;

    /// <summary>Options bound from <paramref name="section"/> (the deployment-settings test learns the section here).</summary>
    public ModuleServices AddOptions<TOptions>(string section) where TOptions : class
    {
        Services.AddOptions<TOptions>().BindConfiguration(section);
        Services.AddSingleton(new OptionsSection(section, typeof(TOptions), Module.Name));
        return this;
    }

    /// <summary>An upload purpose (limits, allowed kinds) with its defaults; configuration <c>Files:Purposes:{purpose}</c>
    /// (and <paramref name="legacySection"/>, a module's older key) overrides them.</summary>
    public ModuleServices AddUploadPurpose(string purpose, Action<UploadPolicy> defaults, string? legacySection = null)
    {
        Services.AddUploadPurpose(purpose, defaults, legacySection);
        Services.AddSingleton(new OptionsSection($"{FileStorageOptions.Section}:Purposes:{purpose}", typeof(UploadPolicy), Module.Name));
        if (legacySection is not null) Services.AddSingleton(new OptionsSection(legacySection, typeof(UploadPolicy), Module.Name));
        return this;
    }

    /// <summary>A kind of subject of the platform's conversation threads (課題・質問 about a step, questions about a
    /// survey …): what only the module knows about it (its name, link, upload purpose, who may take part).</summary>
    public ModuleServices AddThreadSubject<TSubject>() where TSubject : class, Threads.IThreadSubject
    {
        Services.AddSingleton<Threads.IThreadSubject, TSubject>();
        return this;
    }

    public ModuleServices AddConsumer<TConsumer>() where TConsumer : class, IConsumer
    {
        Services.AddDxCollabConsumer<TConsumer>();
        return this;
    }

    /// <summary>A job run for every tenant as <c>tenant:{id}:{name}</c> on Asia/Tokyo time.</summary>
    public ModuleServices AddTenantRecurringJob<TJob>(string name, string cron) where TJob : class, ITenantRecurringJob
    {
        Services.AddTenantRecurringJob<TJob>(name, cron);
        return this;
    }

    public ModuleServices AddReminderRule<TRule>() where TRule : class, IReminderRule
    {
        Services.AddReminderRule<TRule>();
        return this;
    }

    /// <summary>A figure of the module's that survey questions may be prefilled with (Platform prefill contract): other
    /// modules read it through <see cref="Prefill.PrefillSources"/>, never the module's tables.</summary>
    public ModuleServices AddPrefillSource<TSource>() where TSource : class, Prefill.IPrefillSource
    {
        Services.AddScoped<Prefill.IPrefillSource, TSource>();
        Services.TryAddScoped<Prefill.PrefillSources>();
        return this;
    }

    /// <summary>Demo figures for demo mode; contributors run in registration order unless one declares what it runs
    /// after (<see cref="IDemoDataContributor.RunsAfter"/>).</summary>
    public ModuleServices AddDemoData<TContributor>() where TContributor : class, IDemoDataContributor
    {
        Services.AddScoped<IDemoDataContributor, TContributor>();
        return this;
    }
}

/// <summary>A configuration section that a module binds to an options class.</summary>
public sealed record OptionsSection(string Section, Type OptionsType, string Module);
