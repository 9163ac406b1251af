using System.Xml.Linq;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DxCollab.Hosting;

/// <summary>Keeps the data-protection key ring (cookies, bearer tokens, invitation links) in the shared database,
/// whichever tenant is active when the ring is read or refreshed: a tenant with its own database must not
/// capture keys that every instance and every tenant needs.</summary>
public sealed class SharedDatabaseKeyRepository(IServiceProvider services, ILoggerFactory loggers) : IXmlRepository
{
    private readonly EntityFrameworkCoreXmlRepository<DxCollabDbContext> _inner = new(services, loggers);
    private readonly TenantScope<PrefectureTenant> _scope = services.GetRequiredService<TenantScope<PrefectureTenant>>();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var _ = _scope.Begin(null, "data-protection");
        return _inner.GetAllElements();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var _ = _scope.Begin(null, "data-protection");
        _inner.StoreElement(element, friendlyName);
    }
}
