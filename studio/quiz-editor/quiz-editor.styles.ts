import { css } from 'lit';
import { token } from '../../components/shared/tokens.styles.js';

export const quizEditorStyles = css`
  .columns {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1.2fr);
    gap: ${token('space')};
    align-items: start;
    margin-top: ${token('space')};
  }
  @media (max-width: 60rem) {
    .columns {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .question-item {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    align-items: center;
    justify-content: space-between;
  }
  .question-item .open {
    flex: 1 1 12rem;
    text-align: start;
  }
  .question-item.current .open {
    border: 2px solid ${token('color-primary')};
    background: ${token('color-primary-soft')};
  }
  .learner {
    padding: ${token('space')};
    background: ${token('color-bg')};
    border-radius: ${token('radius')};
  }
  .all-feedback dt {
    font-weight: 600;
    margin-top: 0.5rem;
  }
  .all-feedback dd {
    margin: 0.25rem 0 0 1rem;
  }
  .right {
    color: ${token('color-success')};
  }
  .wrong {
    color: ${token('color-error')};
  }
  .placeholder {
    color: ${token('color-muted')};
  }
`;
