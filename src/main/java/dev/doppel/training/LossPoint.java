package dev.doppel.training;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One point of a model's loss curve. */
@Entity
@Table(name = "loss_points")
public class LossPoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(name = "model_id", nullable = false)
    public UUID modelId;

    @Column(nullable = false)
    public long iteration;

    @Column(name = "loss_a", nullable = false)
    public double lossA;

    @Column(name = "loss_b", nullable = false)
    public double lossB;
}
