package vn.motcua.online;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A public handler whose requests count against a per-address limit, before anything else is done. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface RateLimited {

    Bucket value();

    enum Bucket {
        /** Filing a dossier or sending a supplement. */
        FILING,
        /** Looking a dossier up or downloading its result. */
        LOOKUP
    }
}
