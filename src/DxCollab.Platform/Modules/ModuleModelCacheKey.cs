using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DxCollab.Platform.Modules;

/// <summary>EF Core caches one model per DbContext type; with modules the model also depends on the contributors,
/// so two hosts in one process (a test host with an extra module beside the real one) each get their own model.</summary>
internal sealed class ModuleModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is DxCollabDbContext db ? (context.GetType(), db.ModelKey, designTime) : (object)(context.GetType(), designTime);
}
