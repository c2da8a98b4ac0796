package dev.doppel.faces;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Sort;

import dev.doppel.account.OwnedRepository;

@ApplicationScoped
public class FaceSetRepository extends OwnedRepository<FaceSet> {

    @Override
    protected String noun() {
        return "This face set";
    }

    public List<FaceSet> newestFirst(UUID ownerId) {
        return listOwned(ownerId, Sort.descending("createdAt"));
    }

    public List<FaceSet> ofVideo(UUID videoId) {
        return list("videoId", videoId);
    }

    @Override
    public int deletionOrder() {
        return 20;
    }
}
